package io.backupcharms.server.apply;

/** The configuration could not be put in service; the daemons keep their last good files. */
public final class RolloutException extends RuntimeException {

  RolloutException(String message) {
    super(message);
  }

  RolloutException(String message, Throwable cause) {
    super(message, cause);
  }
}
