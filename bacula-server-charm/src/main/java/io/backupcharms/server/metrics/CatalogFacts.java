package io.backupcharms.server.metrics;

import io.backupcharms.bacula.config.JobType;
import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.reply.JobRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one scrape reads from the catalog, through the Director's console.
 *
 * @param lastGood per client, per level name ({@code Full}...), the end of its newest good backup
 * @param lastBackup per client, its newest backup job that ended
 * @param failedBackups per client, how many of its backup jobs in the catalog failed
 * @param lastVerify per client, its newest verify job that ended
 * @param running jobs running now
 * @param queued jobs created and waiting to run
 */
public record CatalogFacts(
    Map<String, Map<String, Instant>> lastGood,
    Map<String, JobRecord> lastBackup,
    Map<String, Long> failedBackups,
    Map<String, JobRecord> lastVerify,
    long running,
    long queued) {

  /** Bacula's JobStatus letters of a job that ended badly. */
  private static final String FAILED = "'E', 'e', 'f', 'A'";

  /**
   * Statuses of a job that has a JobId but is not running yet (created, or waiting for something).
   */
  private static final String WAITING =
      "'C', 'F', 'S', 'm', 'M', 's', 'j', 'c', 'd', 't', 'p', 'q'";

  public CatalogFacts {
    lastGood = Map.copyOf(lastGood);
    lastBackup = Map.copyOf(lastBackup);
    failedBackups = Map.copyOf(failedBackups);
    lastVerify = Map.copyOf(lastVerify);
  }

  /** Reads the facts with five small queries. */
  public static CatalogFacts read(Director director) {
    Map<String, Map<String, Instant>> good = new TreeMap<>();
    for (JobRecord job : director.lastGoodOfEachLevel()) {
      good.computeIfAbsent(job.client(), k -> new TreeMap<>())
          .put(job.levelName(), job.endInstant());
    }
    Map<String, Long> failed = new TreeMap<>();
    for (List<String> row :
        director.select(
            "c.Name, COUNT(*) FROM Job j JOIN Client c"
                + " ON j.ClientId = c.ClientId WHERE j.Type = 'B' AND j.JobStatus IN ("
                + FAILED
                + ")"
                + " GROUP BY c.Name",
            2)) {
      failed.put(row.get(0), Long.parseLong(row.get(1).strip()));
    }
    long running = 0;
    long queued = 0;
    for (List<String> row :
        director.select(
            "JobStatus, COUNT(*) FROM Job WHERE JobStatus IN ('R', "
                + WAITING
                + ") GROUP BY JobStatus",
            2)) {
      long n = Long.parseLong(row.get(1).strip());
      if (row.get(0).equals("R")) {
        running += n;
      } else {
        queued += n;
      }
    }
    return new CatalogFacts(
        good,
        director.lastEnded(JobType.BACKUP),
        failed,
        director.lastEnded(JobType.VERIFY),
        running,
        queued);
  }
}
