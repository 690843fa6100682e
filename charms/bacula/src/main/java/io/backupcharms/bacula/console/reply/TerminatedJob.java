package io.backupcharms.bacula.console.reply;

import java.time.Instant;
import java.util.Objects;

/**
 * A job a File Daemon remembers as finished (its "Terminated Jobs" list, which it keeps across
 * restarts in its state file).
 *
 * @param jobId the Director's JobId
 * @param type Bacula's job type letter: {@code B} backup, {@code R} restore...
 * @param level Bacula's level letter: {@code F}, {@code I}, {@code D}, or blank for restores
 * @param status Bacula's JobStatus letter: {@code T}, {@code W}, {@code E}, {@code f}, {@code A}...
 * @param endTime when the job ended
 * @param name the Job resource's name, e.g. {@code relation-m-demo-0-1a2b-fd-backup}
 */
public record TerminatedJob(
    long jobId, char type, char level, char status, Instant endTime, String name) {
  /** Checks the values are present. */
  public TerminatedJob {
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(name, "name");
  }

  /** Whether this was a backup job (not a restore, verify or admin job). */
  public boolean isBackup() {
    return type == 'B';
  }

  /** Whether this was a verify job, which reads a backup back from its volumes. */
  public boolean isVerify() {
    return type == 'V';
  }
}
