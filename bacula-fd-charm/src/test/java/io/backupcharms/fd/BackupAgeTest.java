package io.backupcharms.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.schema.BackupOutcome;
import io.backupcharms.schema.BackupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupAgeTest {

  static final Instant LAST = Instant.parse("2026-12-01T01:00:00Z");
  static final BackupOutcome OK = new BackupOutcome(LAST, BackupStatus.SUCCESS, 12);
  static final Optional<String> DAILY =
      Optional.of("Level=Full sun at 01:00, Level=Incremental mon-sat at 01:00");

  @Test
  void aBackupWithinItsScheduleShowsItsAge() {
    assertEquals(
        "last backup success 3h ago at 2026-12-01T01:00:00Z (job 12)",
        BackupAge.describe(OK, DAILY, LAST.plus(Duration.ofHours(3))));
  }

  @Test
  void aMissedScheduledBackupIsLateOnlyAfterThePeriodAndTheGrace() {
    assertEquals(
        "last backup success 24h ago at 2026-12-01T01:00:00Z (job 12)",
        BackupAge.describe(OK, DAILY, LAST.plus(Duration.ofHours(24).plusMinutes(59))));
    String late = BackupAge.describe(OK, DAILY, LAST.plus(Duration.ofHours(25).plusMinutes(1)));
    assertTrue(late.startsWith("late: last backup success 25h ago"), late);
    assertTrue(late.contains("at least every 24h"), late);
  }

  @Test
  void manualBackupsAreNeverLate() {
    String old = BackupAge.describe(OK, Optional.empty(), LAST.plus(Duration.ofDays(40)));
    assertEquals("last backup success 40d ago at 2026-12-01T01:00:00Z (job 12)", old);
  }
}
