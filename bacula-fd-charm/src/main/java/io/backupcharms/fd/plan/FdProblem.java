package io.backupcharms.fd.plan;

/**
 * Something the charm cannot do, told to the operator: the message says what failed and what to
 * fix, and never holds a credential. Every exception of the charm extends this class, so a hook
 * turns any of them into the unit's status the same way, through its {@link #outcome()}.
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
  public Outcome outcome() {
    return Outcome.blocked(getMessage());
  }
}
