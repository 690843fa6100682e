package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing of what a Bacula 9.6.7 Director answers (texts captured from a live Director). */
class DirectorJobsTest {

  /** Answers each command with the next canned text and records the commands. */
  static final class Recorded implements ConsoleSession {
    final List<String> sent = new ArrayList<>();
    final List<String> answers;

    Recorded(String... answers) {
      this.answers = new ArrayList<>(List.of(answers));
    }

    @Override
    public String send(String command) {
      sent.add(command);
      return answers.remove(0);
    }

    @Override
    public void close() {}
  }

  static final String THREE_BACKUPS =
      "Using Catalog \"charm-catalog\"\n"
          + "R#\t3\tB\tI\tT\t2\t4\t2026-11-21 22:47:45\t2026-11-21 22:47:45\trelation-m-myapp-0-abc-fd\t"
          + "R#\t2\tB\tI\tf\t0\t0\t2026-11-21 22:47:35\t2026-11-21 22:47:35\trelation-m-myapp-0-abc-fd\t"
          + "R#\t1\tB\tF\tT\t4\t300000\t2026-11-21 22:47:25\t2026-11-21 22:47:26\trelation-m-myapp-0-abc-fd\t"
          + "You have messages.\n";

  @Test
  void readsBackupRowsThatArriveWithoutRowSeparators() {
    var console = new Recorded(THREE_BACKUPS);
    List<JobRecord> jobs = new DirectorJobs(console).backups(Optional.of("relation-m-myapp-0-abc-fd"), 5);
    assertEquals(3, jobs.size());
    JobRecord full = jobs.get(2);
    assertEquals(1, full.id());
    assertEquals("Full", full.levelName());
    assertEquals("success", full.statusWord());
    assertEquals(300000, full.bytes());
    assertEquals("1s", full.describe().get("duration"));
    assertEquals("failed", jobs.get(1).statusWord());
    assertTrue(console.sent.get(0).contains("c.Name = 'relation-m-myapp-0-abc-fd'"), console.sent.get(0));
    assertTrue(console.sent.get(0).endsWith("ORDER BY j.JobId DESC LIMIT 5\""));
  }

  @Test
  void aCreatedJobHasNoTimesYet() {
    var console = new Recorded("Using Catalog \"c\"\nR#\t7\tB\tF\tC\t0\t0\t0\t0\tx-fd\t");
    JobRecord job = new DirectorJobs(console).job(7).orElseThrow();
    assertEquals("created", job.statusWord());
    assertEquals("", job.start());
    assertEquals(false, job.isFinished());
  }

  @Test
  void queuedJobIdAndRefusals() {
    var jobs =
        new DirectorJobs(new Recorded("Using Catalog \"charm-catalog\"\nJob queued. JobId=12\n"));
    assertEquals(12, jobs.runBackup("a-backup", "Full"));
    var refused =
        assertThrows(
            ActionFailedException.class,
            () -> new DirectorJobs(new Recorded("Job \"x\" not found.\n")).runBackup("x", "Full"));
    assertTrue(refused.getMessage().contains("Job \"x\" not found."), refused.getMessage());
  }

  @Test
  void restoreChainAndCommand() {
    var console =
        new Recorded(
            "Using Catalog \"charm-catalog\"\n1,3\nYou have messages.\n",
            "You have selected the following JobIds: 1,3\n\n5 files selected to be restored.\n\n"
                + "Using Catalog \"charm-catalog\"\nJob queued. JobId=4\n");
    DirectorJobs jobs = new DirectorJobs(console);
    assertEquals(List.of(1L, 3L), jobs.restoreChain(3));
    assertEquals(4, jobs.restore("c-fd", "c-fd", "c-restore", List.of(1L, 3L), "/tmp/r", "always",
        Optional.empty()));
    assertEquals(
        "restore jobid=1,3 client=c-fd restoreclient=c-fd restorejob=c-restore where=/tmp/r"
            + " replace=always all done yes",
        console.sent.get(1));
  }

  @Test
  void aRestoreOfSomePathsGoesThroughATemporaryBvfsTableOntoTheTarget() {
    var console =
        new Recorded("", "OK\n",
            "Bootstrap records written to /var/lib/bacula/charm-bacula-dir.restore.2.bsr\n\n"
                + "5 files selected to be restored.\n\nJob queued. JobId=4\n",
            "");
    long id = new DirectorJobs(console).restore("old-fd", "new-fd", "new-restore", List.of(1L, 2L),
        "/", "always", Optional.of(new CatalogPaths.Selection(List.of(11L, 12L), List.of(3L))));
    assertEquals(4, id);
    assertEquals(".bvfs_update jobid=1,2", console.sent.get(0));
    String table = console.sent.get(1).replaceAll(".* path=(b2[0-9]+) .*", "$1");
    assertTrue(table.matches("b2[0-9]+"), console.sent.get(1));
    assertEquals(".bvfs_restore path=" + table + " jobid=1,2 fileid=11,12 dirid=3", console.sent.get(1));
    assertEquals("restore file=?" + table + " client=old-fd restoreclient=new-fd restorejob=new-restore"
        + " where=/ replace=always done yes", console.sent.get(2));
    assertEquals(".bvfs_cleanup path=" + table, console.sent.get(3), "the table is dropped");
  }

  @Test
  void aFailedBeforeScriptIsTheReason() {
    var console =
        new Recorded(
            "R#\tcharm-bacula-dir JobId 2: Start Backup JobId 2, Job=x.2026\n\t"
                + "R#\tx-fd JobId 2: shell command: run ClientBeforeJob \"/tmp/bx/before.sh\"\n\t"
                + "R#\tx-fd JobId 2: ClientBeforeJob: dump failed: disk full\n\t"
                + "R#\tx-fd JobId 2: Error: Runscript: ClientBeforeJob returned non-zero status=3."
                + " ERR=Child exited with code 3\n\t"
                + "R#\tcharm-bacula-dir JobId 2: Fatal error: Client \"x-fd\" RunScript failed.\n\t"
                + "R#\tcharm-bacula-dir JobId 2: Error: Bacula charm-bacula-dir 9.6.7 (10Dec20):\n"
                + "  Build OS: x86_64\n\t");
    String reason = JobWaiter.reason(new DirectorJobs(console).log(2));
    assertEquals(
        "ClientBeforeJob: dump failed: disk full; Error: Runscript: ClientBeforeJob returned"
            + " non-zero status=3. ERR=Child exited with code 3; Fatal error: Client \"x-fd\""
            + " RunScript failed.",
        reason);
  }

  @Test
  void actionKeysAreLowercaseAndUnique() {
    Map<String, Object> taken = new java.util.HashMap<>();
    assertEquals("myapp-0", ServerActions.key("myapp/0", taken));
    taken.put("myapp-0", 1);
    assertEquals("myapp-0-2", ServerActions.key("myapp/0", taken));
    assertEquals("client-0x", ServerActions.key("0X", taken));
  }
}
