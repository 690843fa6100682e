package io.backupcharms.server.actions;

import io.backupcharms.server.clients.ClientReading;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.FdNames;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps what an operator types as {@code client=} to one of the Director's clients.
 *
 * <p>Accepted, in order: the unit of the backed-up application ({@code myapp/0}), when the client's
 * name claims it believably ({@link FdNames#principal}); the exact Bacula client name (with or
 * without {@code -fd}); the unit that sent the client ({@code bacula-fd/0}). A client is never
 * selected by a unit it does not stand for: a name claiming a unit of the sender's own
 * application is found by its name or sender only.
 */
public final class ClientSelector {

  private final List<ClientSpec> clients;
  private final FdNames names;

  /**
   * @param clients the ready clients
   * @param modelName {@code JUJU_MODEL_NAME}
   * @param modelUuid {@code JUJU_MODEL_UUID}
   */
  public ClientSelector(List<ClientSpec> clients, String modelName, String modelUuid) {
    this.clients = List.copyOf(clients);
    this.names = new FdNames(modelName, modelUuid);
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
    return rejected.name().map(n -> names.attributedUnit(n, rejected.unit())).orElse(rejected.unit());
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

  /** {@code myapp/0 (relation-m-myapp-0-1a2b-fd)}, or just the name. */
  String describe(ClientSpec client) {
    return principalUnit(client).map(u -> u + " (" + client.name() + ")").orElse(client.name());
  }
}
