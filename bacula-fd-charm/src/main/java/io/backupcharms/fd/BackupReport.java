package io.backupcharms.fd;

import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.Status;
import io.backupcharms.schema.BackupOutcome;
import io.backupcharms.schema.BackupProviderUnitData;
import io.backupcharms.schema.BackupStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the machine's last backup and last verify went, from the File Daemon's own list of finished
 * jobs: what to publish on the {@code backup} relation and what the status says.
 *
 * @param published the unit bag to write on {@code backup}, or empty when the jobs are unknown
 * @param outcome what the unit reports
 */
record BackupReport(Optional<BackupProviderUnitData> published, Status outcome) {
  /** The report on {@code jobs}, the age measured against {@code schedule} at {@code now}. */
  static BackupReport of(List<TerminatedJob> jobs, Optional<String> schedule, Instant now) {
    Optional<BackupOutcome> last = LastBackup.of(jobs);
    Optional<BackupOutcome> verify = LastBackup.verify(jobs);
    String verifyNote =
        verify
            .filter(v -> v.status() == BackupStatus.FAILED || v.status() == BackupStatus.CANCELED)
            .map(
                v ->
                    "; verify job "
                        + v.jobId()
                        + " "
                        + v.status().value()
                        + " at "
                        + v.time()
                        + ": a backup does not read back, run a Full backup")
            .orElse("");
    String said =
        last.map(o -> BackupAge.describe(o, schedule, now) + verifyNote)
            .orElseGet(() -> "ready; no backup yet" + verifyNote);
    return new BackupReport(
        Optional.of(new BackupProviderUnitData(last, verify)), new ActiveStatus(said));
  }

  /** The File Daemon did not say: the bag stays as it is and the status says why. */
  static BackupReport unknown(String why) {
    return new BackupReport(
        Optional.empty(),
        new ActiveStatus("ready; last backup unknown (File Daemon status: " + why + ")"));
  }
}
