package io.backupcharms.bacula.console;

import java.time.Duration;

/** A job had not ended when {@link Director#await} stopped waiting; it goes on in the Director. */
public final class JobNotEndedException extends ConsoleException {
  private final long jobId;
  private final Duration waited;

  /**
   * Creates the exception for job {@code jobId}, after {@code waited}, keeping the interruption as
   * cause.
   */
  public JobNotEndedException(long jobId, Duration waited, InterruptedException cause) {
    super(
        "job "
            + jobId
            + " has not ended after "
            + waited.toSeconds()
            + " s; it goes on in the Director:"
            + " wait longer or run 'cancel jobid="
            + jobId
            + "'",
        cause);
    this.jobId = jobId;
    this.waited = waited;
  }

  /** The job's JobId. */
  public long jobId() {
    return jobId;
  }

  /** How long it was waited for. */
  public Duration waited() {
    return waited;
  }

  /** True when the wait was interrupted before its timeout. */
  public boolean isInterrupted() {
    return getCause() instanceof InterruptedException;
  }
}
