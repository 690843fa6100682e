package io.backupcharms.schema;

import java.util.Arrays;
import java.util.Optional;

/** How a backup job ended, as published in the {@code last-backup-status} key. */
public enum BackupStatus {
  /** Bacula job status T: terminated normally. */
  SUCCESS("success"),
  /** Bacula job status W: terminated with warnings. */
  WARNING("warning"),
  /** Bacula job status E, e or f: terminated in error. */
  FAILED("failed"),
  /** Bacula job status A: canceled. */
  CANCELED("canceled");

  private final String value;

  BackupStatus(String value) {
    this.value = value;
  }

  /** The databag value. */
  public String value() {
    return value;
  }

  /** The status for a databag value, if it is one. */
  public static Optional<BackupStatus> fromValue(String value) {
    return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
  }

  /**
   * The status for a finished job's Bacula JobStatus code ({@code T}, {@code W}, {@code E}, {@code
   * e}, {@code f}, {@code A}); empty for codes of jobs that have not finished.
   */
  public static Optional<BackupStatus> fromBaculaJobStatus(char code) {
    switch (code) {
      case 'T':
        return Optional.of(SUCCESS);
      case 'W':
        return Optional.of(WARNING);
      case 'E':
      case 'e':
      case 'f':
        return Optional.of(FAILED);
      case 'A':
        return Optional.of(CANCELED);
      default:
        return Optional.empty();
    }
  }
}
