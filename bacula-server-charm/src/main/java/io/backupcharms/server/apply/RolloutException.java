package io.backupcharms.server.apply;

import io.backupcharms.server.problem.ServerProblem;

/** The configuration could not be put in service; the daemons keep their last good files. */
public final class RolloutException extends ServerProblem {

  RolloutException(String message) {
    super(message);
  }

  RolloutException(String message, Throwable cause) {
    super(message, cause);
  }
}
