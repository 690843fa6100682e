package io.backupcharms.server.actions;

import io.backupcharms.bacula.console.AuthenticationFailedException;
import io.backupcharms.bacula.console.ConsoleException;
import io.backupcharms.bacula.console.FileDaemonStatusClient;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.config.PlanBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Checks that a client's File Daemon answers and knows the Director's password before a job is
 * queued. The Director itself keeps retrying an unreachable File Daemon for three minutes (its FD
 * Connect Timeout) before failing the job; the action would sit that long to say the same thing.
 * The probe logs in as the Director and says goodbye: a bare TCP connection would make the File
 * Daemon log a "Security Alert" for every action. It runs on the Director's machine, so it takes
 * the same network path.
 */
final class FileDaemonProbe {

  private FileDaemonProbe() {}

  /**
   * @param password the password of the client's relation, empty if the leader has not made it
   * @throws ActionFailedException naming the client, address and reason when it does not answer or
   *     refuses the password
   */
  static void requireReachable(
      ClientSpec client,
      String described,
      Optional<String> password,
      Optional<SSLContext> tls,
      Duration timeout) {
    String where =
        "the File Daemon of " + described + " at " + client.address() + ":" + client.port();
    Map<String, String> results = Map.of("client", client.clientResource());
    if (password.isEmpty()) {
      throw new ActionFailedException(
          "the password secret of relation bacula-dir:"
              + client.relationId()
              + " does not exist"
              + " yet; nothing was run: wait until juju status shows this unit active, then retry",
          results);
    }
    try {
      new FileDaemonStatusClient(
              client.address(),
              client.port(),
              PlanBuilder.DIRECTOR,
              password.get(),
              timeout,
              tls.orElse(null))
          .checkLogin();
    } catch (AuthenticationFailedException e) {
      throw new ActionFailedException(
          where
              + " refused the Director's password; nothing was run: the bacula-fd unit has not"
              + " applied the password of relation bacula-dir:"
              + client.relationId()
              + " yet (see"
              + " its status with juju status); retry once it is active",
          results);
    } catch (ConsoleException e) {
      String reason =
          e.getCause() != null && e.getCause().getMessage() != null
              ? e.getCause().getMessage()
              : e.getMessage();
      throw new ActionFailedException(
          where
              + " does not answer ("
              + reason
              + "); nothing was run: check the bacula-fd"
              + " unit with juju status and that port "
              + client.port()
              + " is reachable from"
              + " this unit",
          results);
    }
  }
}
