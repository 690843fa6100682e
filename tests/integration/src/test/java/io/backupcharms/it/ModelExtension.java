package io.backupcharms.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One localjuju model per test class, shared by its tests: added before the first test and
 * destroyed after the last one, whatever happened; a class marked {@link SharedServer} gets the
 * run's shared model, with bacula-server deployed, destroyed when the run ends. Tests and lifecycle
 * methods receive it as a {@link JujuModel} parameter. Skips the class with the reason when it
 * cannot run here (not root). A failing test prints the model's status and the end of its debug
 * log. Use it with {@code @ExtendWith(ModelExtension.class)}.
 */
public final class ModelExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(ModelExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    assumeTrue(Root.missingReason().isEmpty(), () -> Root.missingReason().orElseThrow());
    LocalJuju juju = LocalJuju.ofRepository();
    Class<?> testClass = context.getRequiredTestClass();
    JujuModel model =
        testClass.isAnnotationPresent(SharedServer.class)
            ? context
                .getRoot()
                .getStore(NS)
                .getOrComputeIfAbsent(
                    Shared.class,
                    k -> Shared.deploy(JujuModel.add(juju, uniqueName("shared-server"))),
                    Shared.class)
                .model()
            : JujuModel.add(juju, uniqueName(testClass.getSimpleName()));
    context.getStore(NS).put(JujuModel.class, model);
  }

  private static String uniqueName(String base) {
    return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
        + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  /** The run's shared model; JUnit closes it, destroying the model, when the run ends. */
  private record Shared(JujuModel model) implements ExtensionContext.Store.CloseableResource {
    /** localjuju's model config that delays each new secret grant. */
    static final String GRANT_DELAY = "localjuju-grant-delay=5s";

    /**
     * Deploys the server and returns at once: it installs while the first class deploys its
     * clients.
     */
    static Shared deploy(JujuModel model) {
      try {
        // Every grant on this model takes effect seconds after the relation data naming the
        // secret, as Juju's may: each class on it shows the charms ride out the secret-grant race.
        model.typed("juju model-config " + GRANT_DELAY, Duration.ofSeconds(30));
        BackupStack.deployServer(model);
        return new Shared(model);
      } catch (RuntimeException e) {
        model.destroy();
        throw e;
      }
    }

    @Override
    public void close() {
      model.destroy();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    JujuModel model = context.getStore(NS).remove(JujuModel.class, JujuModel.class);
    if (model != null) {
      // A failure in @BeforeAll reaches no testFailed: say what the model looked like here.
      context
          .getExecutionException()
          .ifPresent(
              e ->
                  System.err.println(
                      "== "
                          + context.getDisplayName()
                          + " failed outside a test; model "
                          + model.name()
                          + ":\n"
                          + model.diagnostics()));
      if (!context.getRequiredTestClass().isAnnotationPresent(SharedServer.class)) {
        model.destroy();
        return;
      }
      model.settle(BackupStack.SETTLE);
      UnitStatus server = model.status().first(BackupStack.SERVER);
      if (!server.is("active")) {
        throw new AssertionError(
            context.getDisplayName()
                + " left "
                + server
                + " on the shared model "
                + model.name()
                + ": a @SharedServer class must leave the server active for the classes after it");
      }
    }
  }

  /** On a failure, prints the model's status and the end of its debug log while it still exists. */
  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    JujuModel model =
        context
            .getParent()
            .map(p -> p.getStore(NS).get(JujuModel.class, JujuModel.class))
            .orElse(null);
    if (model != null) {
      System.err.println(
          "== "
              + context.getDisplayName()
              + " failed; model "
              + model.name()
              + ":\n"
              + model.diagnostics());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == JujuModel.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    JujuModel model = context.getStore(NS).get(JujuModel.class, JujuModel.class);
    if (model == null) {
      model =
          context
              .getParent()
              .map(p -> p.getStore(NS).get(JujuModel.class, JujuModel.class))
              .orElse(null);
    }
    if (model == null) {
      throw new IllegalStateException(
          "no model: ModelExtension.beforeAll did not run for "
              + context.getRequiredTestClass().getName());
    }
    return model;
  }
}
