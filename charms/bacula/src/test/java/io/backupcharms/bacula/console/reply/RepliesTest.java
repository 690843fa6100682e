package io.backupcharms.bacula.console.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsers on text captured from a Bacula 9.6.7 Director. */
class RepliesTest {
  private static final String LLIST =
      """
                 JobId: 7
                   Job: web-0-backup.2026-11-21_22.47.10_04
                  Name: web-0-backup
           PurgedFiles: 0
                  Type: B
                 Level: I
              ClientId: 1
            ClientName: web-0-fd
             JobStatus: T
             SchedTime: 2026-11-21 22:47:10
             StartTime: 2026-11-21 22:47:12
               EndTime: 2026-11-21 22:47:13
              JobFiles: 1,234
              JobBytes: 5
             JobErrors: 0
               FileSet: web-0-fileset
               Comment:\s

                 JobId: 8
                   Job: web-0-backup.2026-11-21_22.48.10_05
                  Name: web-0-backup
                  Type: B
                 Level: F
            ClientName: web-0-fd
             JobStatus: C
             StartTime: 0
               EndTime: 0
              JobFiles: 0
              JobBytes: 0
             JobErrors: 0

      """;

  @Test
  void llistGivesJobRecords() {
    List<JobRecord> jobs = Replies.jobs(LLIST);
    assertEquals(2, jobs.size());
    JobRecord j = jobs.get(0);
    assertEquals(7, j.jobId());
    assertEquals("web-0-fd", j.client());
    assertEquals("I", j.level());
    assertEquals(JobStatus.OK, j.status());
    assertEquals(1234, j.files());
    assertEquals(LocalDateTime.of(2026, 11, 21, 22, 47, 12), j.startTime());
    assertEquals(JobStatus.CREATED, jobs.get(1).status());
    assertNull(jobs.get(1).startTime());
  }

  @Test
  void unexpectedTextIsAnErrorQuotingTheDirector() {
    ReplyFormatException e =
        assertThrows(
            ReplyFormatException.class, () -> Replies.jobs("Query failed: no such table Job\n"));
    assertTrue(
        e.getMessage().contains("the Director said:\nQuery failed: no such table Job"),
        e.getMessage());
    assertThrows(ReplyFormatException.class, () -> Replies.queuedJobId("Job failed.\n"));
    assertThrows(
        ReplyFormatException.class, () -> Replies.version("bogus: is an invalid command.\n"));
    assertThrows(ReplyFormatException.class, () -> JobStatus.of("?"));
  }

  @Test
  void runningJobsFromStatusDirInApiMode() {
    String text =
        "running:\n\njobid=3\nlevel=F\ntype=B\nstatus=R\nstatus_desc=is running\ncomment=\n"
            + "jobbytes=1048576\njobfiles=42\njob=a.2026\nname=web-0-backup\nclientname=web-0-fd\n"
            + "fileset=fs\nstorage=File1\nrstorage=\npriority=10\nerrors=0\n\n\n";
    assertEquals(
        List.of(new JobProgress(3, "web-0-backup", "web-0-fd", JobStatus.RUNNING, 42, 1048576)),
        Replies.running(text));
    assertEquals(List.of(), Replies.running("No Jobs running.\n====\n"));
  }

  @Test
  void queuedJobIdAndVersionAndNames() {
    assertEquals(12, Replies.queuedJobId("Using Catalog \"MyCatalog\"\nJob queued. JobId=12\n"));
    assertEquals(
        new DirectorVersion("lab-dir", "9.6.7", "10 December 2020"),
        Replies.version(
            "lab-dir Version: 9.6.7 (10 December 2020) x86_64-pc-linux-gnu debian bookworm/sid"
                + " \n"));
    assertEquals(List.of("a-backup", "b backup"), Replies.names("a-backup\nb backup\n\n"));
  }

  @Test
  void sqlRowsArePacketsOfTabTerminatedFields() {
    assertEquals(
        List.of(List.of("/srv/", "a b.txt"), List.of("/srv/dir/", "")),
        Replies.sqlRows(List.of("/srv/\ta b.txt\t\n", "/srv/dir/\t\t\n")));
    assertThrows(ReplyFormatException.class, () -> Replies.sqlRows(List.of("Query failed\n")));
    assertEquals(
        List.of("/srv/a\tb.txt", "/srv/"),
        Replies.sqlSingleColumn(List.of("/srv/a\tb.txt\t\n", "/srv/\t")));
  }

  @Test
  void daemonStatusHeader() {
    DaemonStatus s =
        Replies.daemonStatus(
            "Connecting to Client web-0-fd at 10.0.0.5:9102\n\n"
                + "web-0-fd Version: 9.6.7 (10 December 2020)  x86_64-pc-linux-gnu debian"
                + " bookworm/sid\n"
                + "Daemon started 21-Nov-26 22:47. Jobs: run=1 running=0.\n");
    assertEquals("web-0-fd", s.name());
    assertEquals(1, s.jobsRun());
    ReplyFormatException e =
        assertThrows(
            ReplyFormatException.class,
            () ->
                Replies.daemonStatus(
                    "Connecting to Client web-0-fd at 10.0.0.5:9102\n"
                        + "Failed to connect to Client web-0-fd.\n"));
    assertTrue(e.getMessage().contains("Failed to connect to Client web-0-fd."), e.getMessage());
  }
}
