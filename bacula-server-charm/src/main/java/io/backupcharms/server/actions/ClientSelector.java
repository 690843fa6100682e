package io.backupcharms.server.actions;

import io.backupcharms.server.clients.ClientReading;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.FdNames;
import io.backupcharms.server.clients.KnownClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps what an operator types as {@code client=} to one of the Director's clients.
 *
 * <p>Accepted, in order: the unit of the backed-up application ({@code myapp/0}), when the client's
 * name claims it believably ({@link FdNames#principal}); the exact Bacula client name (with or
 * without {@code -fd}); the unit that sent the client ({@code bacula-fd/0}). A client is never
 * selected by a unit it does not stand for: a name claiming a unit of the sender's own application
 * is found by its name or sender only. Clients the server remembers but that are not ready now
 * (their unit is gone) are found the same way by {@link #selectKnown}, by the unit they stood for
 * or by their name, for the actions that read backups rather than run a job there.
 */
public final class ClientSelector {

  private final List<ClientSpec> clients;
  private final List<KnownClient> known;
  private final FdNames names;

  /**
   * @param clients the ready clients
   * @param modelName {@code JUJU_MODEL_NAME}
   * @param modelUuid {@code JUJU_MODEL_UUID}
   */
  public ClientSelector(List<ClientSpec> clients, String modelName, String modelUuid) {
    this(clients, List.of(), modelName, modelUuid);
  }

  /**
   * @param clients the ready clients
   * @param known the clients the server remembers that are not ready now
   * @param modelName {@code JUJU_MODEL_NAME}
   * @param modelUuid {@code JUJU_MODEL_UUID}
   */
  public ClientSelector(
      List<ClientSpec> clients, List<KnownClient> known, String modelName, String modelUuid) {
    this.clients = List.copyOf(clients);
    this.known = List.copyOf(known);
    this.names = new FdNames(modelName, modelUuid);
  }

  /**
   * The client, ready or not, whose backups the operator meant.
   *
   * @throws InvalidParamsException naming every known client when nothing matches
   */
  public KnownClient selectKnown(String requested) {
    Optional<ClientSpec> ready = find(requested);
    if (ready.isPresent()) {
      return KnownClient.of(ready.get(), names);
    }
    Optional<KnownClient> other =
        requested.contains("/")
            ? known.stream().filter(k -> k.unit().equals(requested)).findFirst()
            : known.stream()
                .filter(k -> k.name().equals(requested) || k.stem().equals(requested))
                .findFirst();
    if (other.isPresent()) {
      return other.get();
    }
    List<String> all = new ArrayList<>();
    clients.forEach(c -> all.add(describe(c)));
    known.forEach(k -> all.add(describe(k) + ", gone"));
    throw new InvalidParamsException(
        List.of(
            all.isEmpty()
                ? "unknown client \""
                    + requested
                    + "\": the Director has no clients yet; integrate bacula-fd"
                    + " with bacula-server"
                : "unknown client \""
                    + requested
                    + "\"; known clients: "
                    + String.join(", ", all)));
  }

  /** The ready client that {@code client} is now, if it is ready. */
  public Optional<ClientSpec> ready(KnownClient client) {
    return clients.stream().filter(c -> c.stem().equals(client.stem())).findFirst();
  }

  /** The ready clients whose attributed unit belongs to {@code application}, by unit. */
  List<String> readyUnitsOf(String application) {
    return clients.stream()
        .map(this::attributedUnit)
        .filter(u -> u.startsWith(application + "/"))
        .sorted()
        .toList();
  }

  /**
   * The client the operator meant.
   *
   * @throws InvalidParamsException naming the known clients when nothing matches
   */
  public ClientSpec select(String requested) {
    Optional<ClientSpec> found = find(requested);
    if (found.isPresent()) {
      return found.get();
    }
    Optional<KnownClient> gone =
        known.stream()
            .filter(
                k ->
                    k.unit().equals(requested)
                        || k.name().equals(requested)
                        || k.stem().equals(requested))
            .findFirst();
    if (gone.isPresent()) {
      throw new InvalidParamsException(
          List.of(
              describe(gone.get())
                  + " has no related unit now (it is gone, or left out: see"
                  + " list-clients), so nothing can run there; its backups can still be listed and"
                  + " restored onto a unit related now: restore client="
                  + requested
                  + " target=<unit>"));
    }
    if (clients.isEmpty()) {
      throw new InvalidParamsException(
          List.of(
              "unknown client \""
                  + requested
                  + "\": the Director has no clients yet; integrate bacula-fd with bacula-server"));
    }
    throw new InvalidParamsException(
        List.of(
            "unknown client \""
                + requested
                + "\"; known clients: "
                + clients.stream().map(this::describe).collect(Collectors.joining(", "))));
  }

  /**
   * The unit a Bacula Client resource ({@link ClientSpec#clientResource()}) stands for, related now
   * or gone; empty for a name only the catalog knows.
   */
  public Optional<String> unitOf(String clientResource) {
    Optional<String> ready =
        clients.stream()
            .filter(c -> c.clientResource().equals(clientResource))
            .map(this::attributedUnit)
            .findFirst();
    return ready.or(
        () ->
            known.stream()
                .filter(k -> k.clientResource().equals(clientResource))
                .map(KnownClient::unit)
                .findFirst());
  }

  /** The backed-up unit ({@code myapp/0}) a client believably stands for. */
  public Optional<String> principalUnit(ClientSpec client) {
    return names.principal(client.name(), client.unit());
  }

  /** The unit a client is attributed to: its principal when believable, else its sender. */
  public String attributedUnit(ClientSpec client) {
    return names.attributedUnit(client.name(), client.unit());
  }

  /** The unit a refused client is attributed to, the same way as a ready one. */
  public String attributedUnit(ClientReading.Rejected rejected) {
    return rejected
        .name()
        .map(n -> names.attributedUnit(n, rejected.unit()))
        .orElse(rejected.unit());
  }

  private Optional<ClientSpec> find(String requested) {
    if (requested.contains("/")) {
      for (ClientSpec c : clients) {
        if (principalUnit(c).orElse("").equals(requested)) {
          return Optional.of(c);
        }
      }
      return clients.stream().filter(c -> c.unit().equals(requested)).findFirst();
    }
    return clients.stream()
        .filter(c -> c.name().equals(requested) || c.stem().equals(requested))
        .findFirst();
  }

  /** {@code myapp/0 (relation-m-myapp-0-1a2b-fd)} for a known client. */
  String describe(KnownClient client) {
    return client.unit() + " (" + client.name() + ")";
  }

  /** {@code myapp/0 (relation-m-myapp-0-1a2b-fd)}, or just the name. */
  String describe(ClientSpec client) {
    return principalUnit(client).map(u -> u + " (" + client.name() + ")").orElse(client.name());
  }
}
