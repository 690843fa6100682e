package io.backupcharms.server.recovery;

/** A catalog copy or recovery step failed; the message says what to do. */
public final class RecoveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RecoveryException(String message) {
    super(message);
  }
}
