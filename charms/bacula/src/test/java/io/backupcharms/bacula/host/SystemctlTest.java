package io.backupcharms.bacula.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake systemctl on disk that records its arguments and answers as the real one does. */
class SystemctlTest {
  @TempDir Path dir;

  private Systemctl fake(String body) throws Exception {
    Path script = dir.resolve("systemctl");
    Files.writeString(
        script, "#!/bin/sh\necho \"$@\" >> " + dir.resolve("calls") + "\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return new Systemctl(script.toString());
  }

  private String calls() throws Exception {
    return Files.readString(dir.resolve("calls"));
  }

  @Test
  void startEnablesThenStartsAndRestartRestarts() throws Exception {
    Systemctl systemctl = fake("exit 0");
    systemctl.start("bacula-director");
    systemctl.restart("bacula-fd");
    systemctl.daemonReload();
    systemctl.disableNow("bacula-server-exporter.service");
    assertEquals(
        "enable bacula-director\nstart bacula-director\nrestart bacula-fd\ndaemon-reload\n"
            + "disable --now bacula-server-exporter.service\n",
        calls());
  }

  @Test
  void isActiveIsSystemctlsAnswer() throws Exception {
    assertTrue(fake("exit 0").isActive("bacula-sd"));
    assertFalse(fake("exit 3").isActive("bacula-sd"));
    assertEquals("is-active --quiet bacula-sd\nis-active --quiet bacula-sd\n", calls());
  }

  @Test
  void failureCarriesSystemctlsWordsAndPointsAtTheJournal() throws Exception {
    Systemctl systemctl =
        fake(
            "echo 'Job for bacula-sd.service failed because the control process exited with"
                + " error code.' >&2; exit 1");
    HostException e = assertThrows(HostException.class, () -> systemctl.restart("bacula-sd"));
    assertEquals(
        "systemctl restart bacula-sd failed (exit code 1): Job for bacula-sd.service failed because"
            + " the control process exited with error code.; see journalctl -u bacula-sd",
        e.getMessage());
    assertEquals(1, e.result().orElseThrow().exitCode());
  }

  @Test
  void stoppingAUnitSystemdDoesNotKnowIsNotAnError() throws Exception {
    fake("echo 'Failed to stop bacula-director.service: Unit bacula-director.service not loaded.'"
            + " >&2; exit 5")
        .stop("bacula-director");
    HostException e =
        assertThrows(
            HostException.class, () -> fake("echo 'timed out' >&2; exit 1").stop("bacula-fd"));
    assertEquals(
        "systemctl stop bacula-fd failed (exit code 1): timed out; see journalctl -u bacula-fd",
        e.getMessage());
  }

  @Test
  void bestEffortCallsDoNotThrow() throws Exception {
    Systemctl systemctl = fake("exit 1");
    systemctl.enable("x.service");
    systemctl.disable("x.service");
    systemctl.daemonReload();
    assertEquals("enable x.service\ndisable x.service\ndaemon-reload\n", calls());
  }
}
