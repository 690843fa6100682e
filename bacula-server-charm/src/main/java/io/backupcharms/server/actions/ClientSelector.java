package io.backupcharms.server.actions;

import io.backupcharms.server.clients.ClientSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps what an operator types as {@code client=} to one of the Director's clients.
 *
 * <p>Accepted, in order: the unit of the backed-up application ({@code myapp/0}), matched against
 * the reference File Daemon name {@code relation-<model>-<unit with / as ->-<last block of the
 * model uuid>-fd}; the exact Bacula client name (with or without {@code -fd}); the bacula-fd unit
 * itself ({@code bacula-fd/0}).
 */
public final class ClientSelector {

  private final List<ClientSpec> clients;
  private final String modelName;
  private final String uuidBlock;

  /**
   * @param clients the ready clients
   * @param modelName {@code JUJU_MODEL_NAME}
   * @param modelUuid {@code JUJU_MODEL_UUID}
   */
  public ClientSelector(List<ClientSpec> clients, String modelName, String modelUuid) {
    this.clients = List.copyOf(clients);
    this.modelName = modelName;
    int dash = modelUuid.lastIndexOf('-');
    this.uuidBlock = dash < 0 ? modelUuid : modelUuid.substring(dash + 1);
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

  /** The backed-up unit ({@code myapp/0}) a client stands for, when its name follows the format. */
  public Optional<String> principalUnit(ClientSpec client) {
    String prefix = "relation-" + modelName + "-";
    String suffix = "-" + uuidBlock + "-fd";
    String name = client.name();
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) {
      return Optional.empty();
    }
    String middle = name.substring(prefix.length(), name.length() - suffix.length());
    int dash = middle.lastIndexOf('-');
    if (dash <= 0 || !middle.substring(dash + 1).matches("[0-9]+")) {
      return Optional.empty();
    }
    return Optional.of(middle.substring(0, dash) + "/" + middle.substring(dash + 1));
  }

  private Optional<ClientSpec> find(String requested) {
    if (requested.contains("/")) {
      String expected =
          "relation-" + modelName + "-" + requested.replace('/', '-') + "-" + uuidBlock + "-fd";
      for (ClientSpec c : clients) {
        if (c.name().equals(expected) || principalUnit(c).orElse("").equals(requested)) {
          return Optional.of(c);
        }
      }
      // A File Daemon from another model keeps that model's name and uuid in its name.
      String infix = "-" + requested.replace('/', '-') + "-";
      List<ClientSpec> loose =
          clients.stream()
              .filter(c -> c.name().startsWith("relation-") && c.name().contains(infix))
              .filter(c -> c.name().matches(".*" + java.util.regex.Pattern.quote(infix) + "[0-9a-f]+-fd"))
              .toList();
      if (loose.size() == 1) {
        return Optional.of(loose.get(0));
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
