package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an action says of a failed job, from log lines a Bacula 9.6.7 Director wrote. */
class JobFollowerTest {

  @Test
  void aFailedBeforeScriptIsTheReason() {
    List<String> log =
        List.of(
            "charm-bacula-dir JobId 2: Start Backup JobId 2, Job=x.2026",
            "x-fd JobId 2: shell command: run ClientBeforeJob \"/tmp/bx/before.sh\"",
            "x-fd JobId 2: ClientBeforeJob: dump failed: disk full",
            "x-fd JobId 2: Error: Runscript: ClientBeforeJob returned non-zero status=3."
                + " ERR=Child exited with code 3",
            "charm-bacula-dir JobId 2: Fatal error: Client \"x-fd\" RunScript failed.",
            "charm-bacula-dir JobId 2: Error: Bacula charm-bacula-dir 9.6.7 (10Dec20):\n"
                + "  Build OS: x86_64");
    assertEquals(
        "ClientBeforeJob: dump failed: disk full; Error: Runscript: ClientBeforeJob returned"
            + " non-zero status=3. ERR=Child exited with code 3; Fatal error: Client \"x-fd\""
            + " RunScript failed.",
        JobFollower.reason(log));
  }

  @Test
  void aLogWithoutErrorsPointsAtTheDirectorsLog() {
    assertEquals(
        "no error in the job log; see /var/log/bacula/bacula.log on the bacula-server unit",
        JobFollower.reason(List.of("charm-bacula-dir JobId 3: Start Backup JobId 3")));
  }

  @Test
  void actionKeysAreLowercaseAndUnique() {
    Map<String, Object> taken = new HashMap<>();
    assertEquals("myapp-0", ServerActions.key("myapp/0", taken));
    taken.put("myapp-0", 1);
    assertEquals("myapp-0-2", ServerActions.key("myapp/0", taken));
    assertEquals("client-0x", ServerActions.key("0X", taken));
  }
}
