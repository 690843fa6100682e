package io.backupcharms.bacula.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An apt-get on PATH that answers as apt does when another apt holds its lock, and a real process
 * that has the lock file open, as a holder has.
 */
class AptInstallerTest {
  private static final String ABSENT = "backupcharms-no-such-package";

  @TempDir Path tmp;

  /** A fake apt-get: refuses with apt's lock error the first {@code busy} times, then succeeds. */
  private Path aptGet(int busy) throws Exception {
    Path script = tmp.resolve("apt-get");
    Files.writeString(
        script,
        String.join(
            "\n",
            "#!/bin/sh",
            "n=$(cat " + tmp.resolve("calls") + " 2>/dev/null || echo 0); n=$((n + 1))",
            "echo $n > " + tmp.resolve("calls"),
            "echo \"$* policy=$("
                + tmp.resolve("policy-rc.d")
                + " >/dev/null 2>&1; echo $?)\" >> "
                + tmp.resolve("argv"),
            "if [ $n -le " + busy + " ]; then",
            "  echo 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242"
                + " (apt-get)'",
            "  echo 'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is"
                + " another process using it?'",
            "  exit 100",
            "fi",
            ""));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void installWaitsForTheLockAndKeepsPackagedDaemonsStopped() throws Exception {
    AptInstaller apt =
        new AptInstaller(Duration.ofSeconds(30), aptGet(2).toString(), tmp.resolve("policy-rc.d"));
    apt.install(List.of(ABSENT));
    List<String> calls = Files.readAllLines(tmp.resolve("argv"));
    assertEquals(3, calls.size(), calls.toString());
    for (String call : calls) {
      assertTrue(call.startsWith("-o DPkg::Lock::Timeout="), call);
      assertTrue(
          call.contains(
              "install -y -q --no-install-recommends -o Dpkg::Options::=--force-confold " + ABSENT),
          call);
      assertTrue(call.endsWith("policy=101"), "service starts are denied while apt runs: " + call);
    }
    assertFalse(Files.exists(tmp.resolve("policy-rc.d")), "and allowed again afterwards");
  }

  @Test
  void aLockHeldPastTheTimeoutFailsNamingItsHolder() throws Exception {
    String lock = AptInstaller.LOCKS.get(0);
    // Opening is enough to be listed, and harmless: apt's lock is an fcntl lock, not the open.
    Process holder = new ProcessBuilder("sh", "-c", "exec 3<" + lock + "; exec sleep 60").start();
    try {
      AptInstaller apt =
          new AptInstaller(
              Duration.ofSeconds(3), aptGet(1000).toString(), tmp.resolve("policy-rc.d"));
      BaculaException e = assertThrows(BaculaException.class, () -> apt.install(List.of(ABSENT)));
      assertTrue(
          e.getMessage().startsWith("apt-get install waited 3 s for apt's lock, held by process "),
          e.getMessage());
      assertTrue(e.getMessage().contains(holder.pid() + " (sleep)"), e.getMessage());
      assertTrue(
          e.getMessage().endsWith("let it finish (or stop it), then run juju resolve on this unit"),
          e.getMessage());
      assertFalse(Files.exists(tmp.resolve("policy-rc.d")));
    } finally {
      holder.destroyForcibly();
    }
  }
}
