package io.backupcharms.fd.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Talks to a real Bacula File Daemon on loopback through a monitor Director entry. */
class FileDaemonMonitorTest {
  private static final String HOST = "127.0.0.1";
  private static final Path BACULA_FD = Path.of("/usr/sbin/bacula-fd");

  @TempDir Path dir;
  private Process daemon;
  private int port;

  @BeforeEach
  void startFileDaemon() throws Exception {
    assumeTrue(Files.isExecutable(BACULA_FD), "bacula-fd is not installed; run scripts/install-deps.sh");
    port = freePort();
    Path conf = dir.resolve("bacula-fd.conf");
    Files.writeString(conf, String.join("\n",
        "Director { Name = \"charm-bacula-dir\"; Password = \"dir-pw\" }",
        "Director { Name = \"fd-monitor\"; Password = \"mon-pw\"; Monitor = yes }",
        "FileDaemon { Name = \"t-fd\"; FDPort = " + port + "; FDAddress = " + HOST + ";",
        "  WorkingDirectory = \"" + dir + "\"; PidDirectory = \"" + dir + "\" }",
        "Messages { Name = Standard; director = charm-bacula-dir = all, !skipped }", ""));
    daemon = new ProcessBuilder(BACULA_FD.toString(), "-f", "-c", conf.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("fd.log").toFile()).start();
    Instant deadline = Instant.now().plusSeconds(10);
    while (!listening()) {
      assertTrue(daemon.isAlive(), () -> "bacula-fd exited: " + readLog());
      assertTrue(Instant.now().isBefore(deadline), () -> "bacula-fd not listening: " + readLog());
      Thread.sleep(20);
    }
  }

  @AfterEach
  void stopFileDaemon() throws InterruptedException {
    if (daemon != null) {
      daemon.destroy();
      if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
        daemon.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aFreshFileDaemonHasNoTerminatedJobs() throws IOException {
    FileDaemonMonitor monitor = new FileDaemonMonitor(HOST, port, "fd-monitor", "mon-pw", Duration.ofSeconds(5));
    assertEquals(List.of(), monitor.terminatedJobs());
  }

  @Test
  void aStoppedFileDaemonIsAnIoErrorNamingNothingSecret() throws InterruptedException {
    stopFileDaemon();
    FileDaemonMonitor monitor = new FileDaemonMonitor(HOST, port, "fd-monitor", "mon-pw", Duration.ofSeconds(2));
    IOException e = assertThrows(IOException.class, monitor::terminatedJobs);
    assertTrue(!String.valueOf(e.getMessage()).contains("mon-pw"), e.getMessage());
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String readLog() {
    try {
      return Files.readString(dir.resolve("fd.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }
}
