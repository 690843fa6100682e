package io.backupcharms.fd;

import io.backupcharms.bacula.config.RunSpec;
import io.backupcharms.bacula.config.SchedulePeriod;
import io.backupcharms.schema.BackupOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The status line for the machine's last backup: how long ago it ran, and whether a scheduled one
 * is late, so {@code juju status} shows a stopped schedule before anyone needs a restore.
 */
final class BackupAge {

  /** The slack after the schedule's longest gap before a backup counts as late: a long job. */
  static final Duration GRACE = Duration.ofHours(1);

  private BackupAge() {}

  /** {@code last backup success 3h ago at ... (job 12)}, with a {@code late:} warning when due. */
  static String describe(BackupOutcome last, Optional<String> schedule, Instant now) {
    Duration age = Duration.between(last.time(), now);
    String line =
        "last backup "
            + last.status().value()
            + " "
            + human(age)
            + " ago at "
            + last.time()
            + " (job "
            + last.jobId()
            + ")";
    Duration period = schedule.map(BackupAge::period).orElse(Duration.ZERO);
    if (!period.isZero() && age.compareTo(period.plus(GRACE)) > 0) {
      return "late: "
          + line
          + "; the schedule runs a backup at least every "
          + human(period)
          + ": check bacula-server's status and list-backups";
    }
    return line;
  }

  private static Duration period(String schedule) {
    try {
      List<RunSpec> runs =
          List.of(schedule.split(",")).stream()
              .map(String::strip)
              .filter(r -> !r.isEmpty())
              .map(RunSpec::parse)
              .toList();
      return SchedulePeriod.longestGap(runs);
    } catch (RuntimeException e) {
      // The schedule was checked before it was published; an unreadable one says nothing of
      // lateness.
      return Duration.ZERO;
    }
  }

  /** {@code 45m}, {@code 3h}, {@code 2d}. */
  static String human(Duration d) {
    if (d.isNegative() || d.toMinutes() < 60) {
      return Math.max(0, d.toMinutes()) + "m";
    }
    if (d.toHours() < 48) {
      return d.toHours() + "h";
    }
    return d.toDays() + "d";
  }
}
