package io.backupcharms.fd.plan;

/**
 * The root of this charm's exceptions: a problem the unit reports as blocked, its message saying
 * what to fix.
 */
public class BaculaFdException extends RuntimeException {
  /** A problem described by {@code message}. */
  public BaculaFdException(String message) {
    super(message);
  }

  /** A problem described by {@code message}, found through {@code cause}. */
  public BaculaFdException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What the unit reports for it. */
  public Outcome outcome() {
    return Outcome.blocked(getMessage());
  }
}
