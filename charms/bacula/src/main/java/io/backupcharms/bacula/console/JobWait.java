package io.backupcharms.bacula.console;

import java.time.Duration;

/**
 * How {@link Director#await} waits for a job.
 *
 * @param poll how often the catalog is asked; 250 ms answers fastest, as the Director's own {@code
 *     wait} adds most of a second per job
 * @param report how long a job may keep its status before {@link JobWatcher#stillRunning} hears
 * @param timeout how long to wait at most
 */
public record JobWait(Duration poll, Duration report, Duration timeout) {
  public JobWait {
    if (poll.isNegative() || report.isNegative() || timeout.isNegative()) {
      throw new ConsoleException(
          "job wait durations must not be negative: poll "
              + poll
              + ", report "
              + report
              + ", timeout "
              + timeout);
    }
  }

  /** Polls every 250 ms and reports every 10 s, for at most {@code timeout}. */
  public static JobWait upTo(Duration timeout) {
    return new JobWait(Duration.ofMillis(250), Duration.ofSeconds(10), timeout);
  }
}
