package io.backupcharms.server.actions;

import io.backupcharms.server.clients.NameBindings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code forget-client name=<client>}: lifts the binding of a File Daemon name to the application
 * that published it first ({@link NameBindings}), for when another application really replaces it.
 */
public final class ForgetClient {

  private ForgetClient() {}

  /**
   * @param bindings the names bound now
   * @param save stores the bindings without the forgotten one
   * @throws InvalidParamsException when the name is malformed or not bound
   */
  public static Map<String, Object> run(
      Map<String, ?> raw, NameBindings bindings, Consumer<NameBindings> save) {
    Params params = new Params(raw, Set.of("name"));
    var name = params.baculaName("name");
    params.check();
    String stem = name.get().endsWith("-fd") ? name.get().substring(0, name.get().length() - 3) : name.get();
    String owner =
        bindings.applicationOf(stem)
            .orElseThrow(() -> new InvalidParamsException(List.of(
                "name \"" + name.get() + "\" is not bound to any application, so there is nothing to"
                    + " forget; bound names appear in the server's status when another application"
                    + " claims them")));
    save.accept(bindings.without(stem));
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("name", stem + "-fd");
    results.put("was-bound-to", owner);
    results.put("next", "the next hook (update-status at the latest) gives the name to the"
        + " application whose unit publishes it then");
    return results;
  }
}
