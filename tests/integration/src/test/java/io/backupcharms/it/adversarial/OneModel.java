package io.backupcharms.it.adversarial;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** One model per test class, added before the first test and destroyed after the last, whatever happened. */
final class OneModel implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(OneModel.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    assumeTrue(Integer.valueOf(0).equals(uid), "needs root: localjuju machines are Linux namespaces");
    Cli cli = Cli.ofRepository();
    String name = "adv-" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-") + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    cli.ok(Model.COMMAND, "add-model", name);
    context.getStore(NS).put(Model.class, new Model(cli, name));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Model model = context.getStore(NS).remove(Model.class, Model.class);
    if (model != null) {
      model.destroy();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Model.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Model m = c.getStore(NS).get(Model.class, Model.class);
      if (m != null) {
        return m;
      }
    }
    throw new IllegalStateException("no model: OneModel.beforeAll did not run");
  }
}
