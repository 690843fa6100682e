package io.backupcharms.bacula.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.bacula.console.reply.JobStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading {@code .sql} answers as a Bacula 9.6.7 Director sends them: fields tab-terminated, rows
 * not separated.
 */
class CatalogRowsTest {
  private static final String THREE_BACKUPS =
      "Using Catalog \"charm-catalog\"\n"
          + "R#\t3\tB\tI\tT\t2\t4\t2026-11-21 22:47:45\t2026-11-21 22:47:45\tm-fd"
          + "\tm-backup.2026-11-21_22.47.43_05\tm-backup\t0\tm-fileset\tR#\t2\tB\tI\tf\t0\t0"
          + "\t2026-11-21 22:47:35\t2026-11-21 22:47:35\tm-fd\tm-backup.2026-11-21_22.47.33_04"
          + "\tm-backup\t1\tm-fileset\tR#\t1\tB\tF\tT\t4\t300000\t2026-11-21 22:47:25\t2026-11-21"
          + " 22:47:26\tm-fd\tm-backup.2026-11-21_22.47.23_03\tm-backup\t0\tm-fileset\tYou have"
          + " messages.\n";

  @Test
  void rowsThatArriveWithoutSeparatorsAreJobs() {
    List<JobRecord> jobs =
        CatalogRows.parse(THREE_BACKUPS, CatalogRows.JOB_FIELDS).stream()
            .map(CatalogRows::job)
            .toList();
    assertEquals(List.of(3L, 2L, 1L), jobs.stream().map(JobRecord::jobId).toList());
    JobRecord full = jobs.get(2);
    assertEquals("Full", full.levelName());
    assertEquals(JobStatus.OK, full.status());
    assertEquals(300000, full.bytes());
    assertEquals("m-fd", full.client());
    assertEquals("m-backup", full.name());
    assertEquals("m-fileset", full.fileSet());
    assertEquals(Duration.ofSeconds(1), full.duration().orElseThrow());
    assertEquals(JobStatus.FATAL_ERROR, jobs.get(1).status());
    assertEquals(1, jobs.get(1).errors());
  }

  @Test
  void aCreatedJobHasNoTimesYet() {
    JobRecord job =
        CatalogRows.job(
            CatalogRows.parse(
                    "Using Catalog \"c\"\nR#\t7\tB\tF\tC\t0\t0\t0\t0\tx-fd\tx.1\tx\t0\tx-fs\t",
                    CatalogRows.JOB_FIELDS)
                .get(0));
    assertEquals(JobStatus.CREATED, job.status());
    assertNull(job.startTime());
    assertTrue(job.duration().isEmpty());
  }

  @Test
  void aCutRowOrAFailedQueryQuotesTheDirector() {
    DirectorAnswerException cut =
        assertThrows(DirectorAnswerException.class, () -> CatalogRows.parse("R#\t7\tB", 3));
    assertEquals("unexpected catalog answer from the Director: R# 7 B", cut.getMessage());
    DirectorAnswerException failed =
        assertThrows(
            DirectorAnswerException.class,
            () -> CatalogRows.parse("Query failed: no such column: x\nYou have messages.\n", 1));
    assertEquals("the catalog query failed: Query failed: no such column: x", failed.getMessage());
    assertEquals(List.of(), CatalogRows.parse("Using Catalog \"c\"\n", 1));
  }
}
