package io.backupcharms.fd;

import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.schema.BackupOutcome;
import io.backupcharms.schema.BackupStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the outcomes to publish on the {@code backup} relation from the File Daemon's finished
 * jobs.
 */
final class LastBackup {
  private LastBackup() {}

  /**
   * The most recent finished backup job (restores and other job types are not backups), or empty
   * before the first one. Jobs are ordered by end time, then JobId, because a daemon restart
   * reloads its list from the state file.
   */
  static Optional<BackupOutcome> of(List<TerminatedJob> jobs) {
    return newest(jobs, TerminatedJob::isBackup);
  }

  /** The most recent finished verify job, or empty before the first one. */
  static Optional<BackupOutcome> verify(List<TerminatedJob> jobs) {
    return newest(jobs, TerminatedJob::isVerify);
  }

  private static Optional<BackupOutcome> newest(
      List<TerminatedJob> jobs, Predicate<TerminatedJob> kind) {
    return jobs.stream()
        .filter(kind)
        .filter(j -> j.jobId() > 0 && BackupStatus.fromBaculaJobStatus(j.status()).isPresent())
        .max(Comparator.comparing(TerminatedJob::endTime).thenComparingLong(TerminatedJob::jobId))
        .map(
            j ->
                new BackupOutcome(
                    j.endTime(),
                    BackupStatus.fromBaculaJobStatus(j.status()).orElseThrow(),
                    j.jobId()));
  }
}
