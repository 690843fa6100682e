package io.backupcharms.schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The outcome of the last finished backup of a machine.
 *
 * @param time when the job ended, kept to whole seconds
 * @param status how it ended
 * @param jobId the Bacula JobId, positive
 */
public record BackupOutcome(Instant time, BackupStatus status, long jobId) {
  /** Truncates the time to seconds (the databag encoding) and checks the job id. */
  public BackupOutcome {
    time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(status, "status");
    if (jobId < 1) {
      throw new IllegalArgumentException(
          "Bacula job id " + jobId + " is not positive; pass the " + "JobId the Director reported");
    }
  }
}
