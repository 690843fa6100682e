package io.backupcharms.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.schema.BackupOutcome;
import io.backupcharms.schema.BackupStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LastBackupTest {
  private static final Instant T = Instant.parse("2026-11-21T22:00:00Z");

  @Test
  void noJobsMeansNothingToPublish() {
    assertEquals(Optional.empty(), LastBackup.of(List.of()));
  }

  @Test
  void theLatestBackupWinsAndRestoresAreNotBackups() {
    List<TerminatedJob> jobs =
        List.of(
            new TerminatedJob(3, 'B', 'I', 'f', T.plusSeconds(60), "demo-backup"),
            new TerminatedJob(1, 'B', 'F', 'T', T, "demo-backup"),
            new TerminatedJob(4, 'R', ' ', 'T', T.plusSeconds(120), "demo-restore"));
    assertEquals(
        Optional.of(new BackupOutcome(T.plusSeconds(60), BackupStatus.FAILED, 3)),
        LastBackup.of(jobs));
  }

  @Test
  void theLatestVerifyIsItsOwnOutcomeAndNeverABackup() {
    List<TerminatedJob> jobs =
        List.of(
            new TerminatedJob(1, 'B', 'F', 'T', T, "demo-backup"),
            new TerminatedJob(2, 'V', 'O', 'f', T.plusSeconds(60), "demo-verify"));
    assertEquals(Optional.of(new BackupOutcome(T, BackupStatus.SUCCESS, 1)), LastBackup.of(jobs));
    assertEquals(
        Optional.of(new BackupOutcome(T.plusSeconds(60), BackupStatus.FAILED, 2)),
        LastBackup.verify(jobs));
  }

  @Test
  void warningsAndCancellationsAreTheirOwnOutcomes() {
    assertEquals(
        BackupStatus.WARNING,
        LastBackup.of(List.of(new TerminatedJob(5, 'B', 'F', 'W', T, "b"))).orElseThrow().status());
    assertEquals(
        BackupStatus.CANCELED,
        LastBackup.of(List.of(new TerminatedJob(6, 'B', 'F', 'A', T, "b"))).orElseThrow().status());
  }
}
