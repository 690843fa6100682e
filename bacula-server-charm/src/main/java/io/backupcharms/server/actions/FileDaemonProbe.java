package io.backupcharms.server.actions;

import io.backupcharms.server.clients.ClientSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

/**
 * Checks that a client's File Daemon accepts connections before a job is queued. The Director
 * itself keeps retrying an unreachable File Daemon for three minutes (its FD Connect Timeout)
 * before failing the job; the action would sit that long to say the same thing. The probe runs on
 * the Director's machine, so it takes the same network path.
 */
final class FileDaemonProbe {

  private FileDaemonProbe() {}

  /**
   * @throws ActionFailedException naming the client, address and reason when nothing answers
   */
  static void requireReachable(ClientSpec client, String described, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(client.address(), client.port()), (int) timeout.toMillis());
    } catch (IOException e) {
      throw new ActionFailedException(
          "the File Daemon of " + described + " at " + client.address() + ":" + client.port()
              + " does not answer (" + e.getMessage() + "); nothing was run: check the bacula-fd"
              + " unit with juju status and that port " + client.port() + " is reachable from"
              + " this unit",
          Map.of("client", client.clientResource()));
    }
  }
}
