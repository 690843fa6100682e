package io.backupcharms.server.recovery;

import io.backupcharms.server.problem.ServerProblem;

/** A catalog copy or recovery step failed; the message says what to do. */
public final class RecoveryException extends ServerProblem {

  private static final long serialVersionUID = 1L;

  public RecoveryException(String message) {
    super(message);
  }
}
