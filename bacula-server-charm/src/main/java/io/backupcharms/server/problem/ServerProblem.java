package io.backupcharms.server.problem;

import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.Status;

/**
 * Something the charm cannot do, told to the operator. The message says what failed and what to fix
 * (which config option, relation key, unit or command); it never holds a credential. Every problem
 * of the charm extends this class, so a hook turns any of them into the unit's status the same way,
 * and an action fails with its message.
 */
public abstract class ServerProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected ServerProblem(String message) {
    super(message);
  }

  protected ServerProblem(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The unit's status while the problem lasts: blocked, since the operator must act, unless the
   * kind of problem knows the charm will try again by itself.
   */
  public Status status() {
    return new BlockedStatus(getMessage());
  }
}
