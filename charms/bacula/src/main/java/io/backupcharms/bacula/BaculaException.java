package io.backupcharms.bacula;

/** Root of every exception this library throws; catch it to handle any Bacula failure. */
public class BaculaException extends RuntimeException {
  /** Creates an exception with a message saying what failed and what to do. */
  public BaculaException(String message) {
    super(message);
  }

  /** Creates an exception that keeps its cause. */
  public BaculaException(String message, Throwable cause) {
    super(message, cause);
  }
}
