package io.backupcharms.server.actions;

import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.clients.NameBindings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code forget-client name=<client>}: lifts the binding of a File Daemon name to the application
 * that published it first ({@link NameBindings}), for when another application really replaces it,
 * and drops a gone client from the server's record ({@link ClientHistory}), so it is no longer
 * listed and its Client resource leaves the Director at the next hook. Its jobs and volumes stay in
 * the catalog until the retention options expire them.
 */
public final class ForgetClient {

  private ForgetClient() {}

  /**
   * @param bindings the names bound now
   * @param save stores the bindings without the forgotten one
   * @param history the clients the server remembers
   * @param saveHistory stores the history without the forgotten one
   * @throws InvalidParamsException when the name is malformed, or neither bound nor remembered
   */
  public static Map<String, Object> run(
      Map<String, ?> raw,
      NameBindings bindings,
      Consumer<NameBindings> save,
      ClientHistory history,
      Consumer<ClientHistory> saveHistory) {
    Params params = new Params(raw, Set.of("name"));
    var name = params.baculaName("name");
    params.check();
    String stem =
        name.get().endsWith("-fd") ? name.get().substring(0, name.get().length() - 3) : name.get();
    Optional<String> owner = bindings.ownerOf(stem);
    Optional<KnownClient> known = Optional.ofNullable(history.clients().get(stem));
    if (owner.isEmpty() && known.isEmpty()) {
      throw new InvalidParamsException(
          List.of(
              "name \""
                  + name.get()
                  + "\" is neither bound to a unit nor a client the server"
                  + " remembers, so there is nothing to forget; see list-clients for the names"));
    }
    save.accept(bindings.without(stem));
    saveHistory.accept(history.without(stem));
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("name", stem + "-fd");
    results.put("was-bound-to", owner.orElse("none"));
    known.ifPresent(k -> results.put("was-unit", k.unit()));
    results.put(
        "next",
        "the next hook (update-status at the latest) gives the name to the"
            + " unit that publishes it then");
    return results;
  }
}
