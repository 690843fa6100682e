package io.backupcharms.fd;

import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.schema.BackupOutcome;
import io.backupcharms.schema.BackupStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the outcome to publish on the {@code backup} relation from the File Daemon's finished jobs. */
final class LastBackup {
  private LastBackup() {}

  /**
   * The most recent finished backup job (restores and other job types are not backups), or empty
   * before the first one. Jobs are ordered by end time, then JobId, because a daemon restart
   * reloads its list from the state file.
   */
  static Optional<BackupOutcome> of(List<TerminatedJob> jobs) {
    return jobs.stream()
        .filter(TerminatedJob::isBackup)
        .filter(j -> j.jobId() > 0 && BackupStatus.fromBaculaJobStatus(j.status()).isPresent())
        .max(Comparator.comparing(TerminatedJob::endTime).thenComparingLong(TerminatedJob::jobId))
        .map(j -> new BackupOutcome(j.endTime(),
            BackupStatus.fromBaculaJobStatus(j.status()).orElseThrow(), j.jobId()));
  }
}
