package io.backupcharms.fd.plan;

import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.Status;

/**
 * Something the charm cannot do, told to the operator: the message says what failed and what to
 * fix, and never holds a credential. Every exception of the charm extends this class, so a hook
 * turns any of them into the unit's status the same way, through its {@link #status()}.
 */
public abstract class FdProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected FdProblem(String message) {
    super(message);
  }

  protected FdProblem(String message, Throwable cause) {
    super(message, cause);
  }

  /** What the unit reports while the problem lasts: blocked, since the operator must act. */
  public Status status() {
    return new BlockedStatus(getMessage());
  }
}
