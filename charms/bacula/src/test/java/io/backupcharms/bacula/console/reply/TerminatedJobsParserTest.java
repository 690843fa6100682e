package io.backupcharms.bacula.console.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parses what a Bacula 9.6.7 File Daemon answered to {@code .status terminated api=2} (captured).
 */
class TerminatedJobsParserTest {
  private static final String CAPTURED =
      "terminated:\n"
          + "\njobid=1\nlevel=F\ntype=B\nstatus=T\nstatus_desc=OK\njobbytes=3\njobfiles=2\n"
          + "job=j.2026-11-21_22.42.12_03\nname=j\nstarttime_epoch=1795300934\n"
          + "starttime=2026-11-21 22:42:14\nendtime_epoch=1795300935\nendtime=2026-11-21 22:42:15\n"
          + "errors=0\n\n"
          + "\njobid=2\nlevel= \ntype=R\nstatus=f\nstatus_desc=Error\njobbytes=0\njobfiles=0\n"
          + "job=r.2026-11-21_22.50.00_04\nname=r\nstarttime_epoch=1795301400\n"
          + "endtime_epoch=1795301401\nerrors=1\n\n"
          + "\n";

  @Test
  void readsEveryJobWithItsTypeStatusAndEndTime() {
    List<TerminatedJob> jobs = TerminatedJobsParser.parse(CAPTURED);
    assertEquals(2, jobs.size());
    TerminatedJob backup = jobs.get(0);
    assertEquals(
        new TerminatedJob(1, 'B', 'F', 'T', Instant.ofEpochSecond(1795300935L), "j"), backup);
    assertTrue(backup.isBackup());
    assertFalse(jobs.get(1).isBackup());
    assertEquals('f', jobs.get(1).status());
  }

  @Test
  void anEmptyListIsNoJobs() {
    assertEquals(List.of(), TerminatedJobsParser.parse("terminated:\n\n"));
    assertEquals(List.of(), TerminatedJobsParser.parse(""));
  }

  @Test
  void ignoresRecordsWithoutAJobIdOrEndTime() {
    assertEquals(List.of(), TerminatedJobsParser.parse("jobid=x\nendtime_epoch=5\n\njobid=3\n"));
  }
}
