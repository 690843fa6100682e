package io.backupcharms.bacula.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.backupcharms.bacula.BaculaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake systemctl that records its arguments and answers like the real one. */
class SystemctlServiceControlTest {
  @TempDir Path dir;

  private String fake(String body) throws Exception {
    Path script = dir.resolve("systemctl");
    Files.writeString(
        script, "#!/bin/sh\necho \"$@\" >> " + dir.resolve("calls") + "\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script.toString();
  }

  @Test
  void restartsTheDebianUnit() throws Exception {
    new SystemctlServiceControl(fake("exit 0")).restart(Daemon.FILE);
    new SystemctlServiceControl(fake("exit 0")).restart(Daemon.DIRECTOR);
    assertEquals(
        "restart bacula-fd\nrestart bacula-director\n", Files.readString(dir.resolve("calls")));
  }

  @Test
  void failureCarriesSystemctlsWords() throws Exception {
    String s =
        fake(
            "echo 'Job for bacula-sd.service failed because the control process exited with error"
                + " code.' >&2; exit 1");
    BaculaException e =
        assertThrows(
            BaculaException.class, () -> new SystemctlServiceControl(s).restart(Daemon.STORAGE));
    assertEquals(
        "systemctl restart bacula-sd failed (exit code 1): Job for bacula-sd.service failed because"
            + " the control process exited with error code.; see journalctl -u bacula-sd",
        e.getMessage());
  }
}
