package io.backupcharms.fd.monitor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Asks a local File Daemon which jobs it has finished, connecting as a status-only ("Monitor =
 * yes") Director entry that the charm renders into bacula-fd.conf with a password of its own. This
 * is how bacula-fd learns the outcome of the last backup without trusting anything the server
 * sends.
 *
 * @param host the File Daemon's address (its FDAddress)
 * @param port its FDPort
 * @param monitorName the name of the monitor Director entry
 * @param password that entry's password
 * @param timeout bound on connecting and on every read
 */
public record FileDaemonMonitor(String host, int port, String monitorName, String password, Duration timeout) {
  /** Checks the values are present. */
  public FileDaemonMonitor {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(monitorName, "monitorName");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * The jobs the File Daemon lists as terminated, oldest first.
   *
   * @throws IOException when the daemon cannot be reached, refuses the monitor, or answers
   *     something that is not Bacula's protocol
   */
  public List<TerminatedJob> terminatedJobs() throws IOException {
    try (Socket socket = new Socket()) {
      int millis = (int) timeout.toMillis();
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      Packets packets = new Packets(
          new DataInputStream(new BufferedInputStream(socket.getInputStream())),
          new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
      packets.send("Hello Director " + monitorName + " calling\n");
      new CramMd5(password).authenticate(packets, monitorName);
      String hello = packets.receive();
      if (hello == null || !hello.startsWith("2000 OK Hello")) {
        throw new IOException("File Daemon at " + host + ":" + port + " did not greet the monitor: "
            + (hello == null ? "signal " + packets.lastSignal() : hello.strip()));
      }
      packets.send(".status terminated api=2 api_opts=\n");
      StringBuilder answer = new StringBuilder();
      for (String text = packets.receive(); text != null; text = packets.receive()) {
        answer.append(text);
      }
      if (packets.lastSignal() != Packets.END_OF_DATA) {
        throw new IOException("File Daemon at " + host + ":" + port + " ended its status with signal "
            + packets.lastSignal());
      }
      return TerminatedJobsParser.parse(answer.toString());
    }
  }
}
