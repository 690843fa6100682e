package io.backupcharms.bacula.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.testing.BaculaDaemon;
import io.backupcharms.bacula.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Talks to a real Bacula File Daemon on loopback through its Director entries. A lone bacula-fd
 * (not the whole {@code BaculaLab}): the status port needs no Director.
 */
class FileDaemonStatusClientTest {
  private static final String HOST = "127.0.0.1";
  private static final Path BACULA_FD = Path.of("/usr/sbin/bacula-fd");

  @TempDir Path dir;
  private BaculaDaemon daemon;
  private int port;

  @BeforeEach
  void startFileDaemon() throws Exception {
    assumeTrue(
        Files.isExecutable(BACULA_FD), "bacula-fd is not installed; run scripts/install-deps.sh");
    port = FreePorts.on(HOST);
    Path conf = dir.resolve("bacula-fd.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "Director { Name = \"charm-bacula-dir\"; Password = \"dir-pw\" }",
            "Director { Name = \"fd-monitor\"; Password = \"mon-pw\"; Monitor = yes }",
            "FileDaemon { Name = \"t-fd\"; FDPort = " + port + "; FDAddress = " + HOST + ";",
            "  WorkingDirectory = \"" + dir + "\"; PidDirectory = \"" + dir + "\" }",
            "Messages { Name = Standard; director = charm-bacula-dir = all, !skipped }",
            ""));
    daemon = BaculaDaemon.start(Daemon.FILE, conf, HOST, port, dir.resolve("fd.log"));
  }

  @AfterEach
  void stopFileDaemon() {
    if (daemon != null) {
      daemon.close();
    }
  }

  @Test
  void aFreshFileDaemonHasNoTerminatedJobs() {
    FileDaemonStatusClient client =
        new FileDaemonStatusClient(HOST, port, "fd-monitor", "mon-pw", Duration.ofSeconds(5));
    assertEquals(List.of(), client.terminatedJobs());
  }

  @Test
  void anIdleFileDaemonRunsNoJobAndTheStatusConnectionIsNotCounted() {
    FileDaemonStatusClient client =
        new FileDaemonStatusClient(HOST, port, "fd-monitor", "mon-pw", Duration.ofSeconds(5));
    assertEquals(0, client.runningJobs());
  }

  @Test
  void aWrongPasswordIsRefusedNamingTheMonitorEntry() {
    FileDaemonStatusClient client =
        new FileDaemonStatusClient(HOST, port, "fd-monitor", "not-the-pw", Duration.ofSeconds(5));
    AuthenticationFailedException e =
        assertThrows(AuthenticationFailedException.class, client::terminatedJobs);
    assertTrue(e.getMessage().contains("\"fd-monitor\""), e.getMessage());
    assertFalse(e.getMessage().contains("not-the-pw"), e.getMessage());
  }

  @Test
  void theDirectorEntryLogsInAndTheWrongPasswordIsRefused() {
    new FileDaemonStatusClient(HOST, port, "charm-bacula-dir", "dir-pw", Duration.ofSeconds(5))
        .checkLogin();
    AuthenticationFailedException e =
        assertThrows(
            AuthenticationFailedException.class,
            new FileDaemonStatusClient(
                    HOST, port, "charm-bacula-dir", "stale-pw", Duration.ofSeconds(5))
                ::checkLogin);
    assertTrue(e.getMessage().contains("File Daemon at " + HOST + ":" + port), e.getMessage());
    assertTrue(e.getMessage().contains("\"charm-bacula-dir\""), e.getMessage());
    assertFalse(e.getMessage().contains("stale-pw"), e.getMessage());
  }

  @Test
  void checkingALoginLeavesTheFileDaemonServingOthers() {
    FileDaemonStatusClient director =
        new FileDaemonStatusClient(HOST, port, "charm-bacula-dir", "dir-pw", Duration.ofSeconds(5));
    for (int i = 0; i < 5; i++) {
      director.checkLogin();
    }
    assertTrue(daemon.isAlive(), this::readLog);
    assertEquals(
        List.of(),
        new FileDaemonStatusClient(HOST, port, "fd-monitor", "mon-pw", Duration.ofSeconds(5))
            .terminatedJobs());
  }

  @Test
  void aStoppedFileDaemonIsAConsoleErrorNamingNothingSecret() {
    stopFileDaemon();
    FileDaemonStatusClient client =
        new FileDaemonStatusClient(HOST, port, "fd-monitor", "mon-pw", Duration.ofSeconds(2));
    ConsoleException e = assertThrows(ConsoleException.class, client::terminatedJobs);
    assertTrue(e.getMessage().contains("File Daemon at " + HOST + ":" + port), e.getMessage());
    assertFalse(e.getMessage().contains("mon-pw"), e.getMessage());
  }

  private String readLog() {
    return BaculaDaemon.tail(dir.resolve("fd.log"));
  }
}
