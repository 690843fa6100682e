package io.backupcharms.bacula.console;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandshakeTimeoutTest {
  @Test
  void silentPeerIsReportedWithinTheReadTimeout() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  Socket s = server.accept();
                  Thread.sleep(3000);
                  s.close();
                } catch (Exception e) {
                  // Test over.
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      ConsoleSettings settings =
          ConsoleSettings.of("127.0.0.1", server.getLocalPort(), "pw")
              .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
      DirectorUnreachableException e =
          assertThrows(DirectorUnreachableException.class, () -> DirectorConsole.connect(settings));
      assertTrue(
          e.getMessage().contains("accepted the connection but did not answer in time"),
          e.getMessage());
      acceptor.interrupt();
    }
  }

  @Test
  void aFileDaemonThatDripsBytesIsCutOffAtTheOverallDeadline() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread dripper =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  // A packet header announcing 1000 bytes, then one byte every 200 ms: each read
                  // returns well within the read timeout, for as long as the peer likes.
                  s.getOutputStream().write(new byte[] {0, 0, 3, (byte) 0xe8});
                  for (int i = 0; i < 1000; i++) {
                    s.getOutputStream().write('a');
                    s.getOutputStream().flush();
                    Thread.sleep(200);
                  }
                } catch (Exception e) {
                  // The client hung up: test over.
                }
              });
      dripper.setDaemon(true);
      dripper.start();
      FileDaemonStatusClient probe =
          new FileDaemonStatusClient(
              "127.0.0.1", server.getLocalPort(), "charm-bacula-dir", "pw", Duration.ofSeconds(1));
      ConsoleException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> assertThrows(ConsoleException.class, probe::checkLogin));
      assertTrue(
          e.getMessage().contains("did not finish logging in within 1000 ms"), e.getMessage());
      dripper.interrupt();
    }
  }
}
