package io.backupcharms.server.config;

import io.backupcharms.server.clients.ClientSpec;
import java.util.List;

/**
 * A plan built once for a set of clients: the configuration with every accepted client, and the
 * clients the Bacula model refused, each with the reason to show its operator.
 *
 * @param plan both daemons' configuration with the accepted clients
 * @param accepted the clients in the plan, in the order given
 * @param refused the clients left out
 */
public record PlanAssembly(BaculaPlan plan, List<ClientSpec> accepted, List<Refusal> refused) {

  /** Copies the lists. */
  public PlanAssembly {
    accepted = List.copyOf(accepted);
    refused = List.copyOf(refused);
  }

  /**
   * A client left out of the plan.
   *
   * @param client the client
   * @param reason what the Bacula model refused in its resources
   */
  public record Refusal(ClientSpec client, String reason) {}
}
