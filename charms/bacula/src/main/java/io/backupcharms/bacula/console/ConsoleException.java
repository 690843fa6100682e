package io.backupcharms.bacula.console;

import io.backupcharms.bacula.BaculaException;

/**
 * A console operation failed; subclasses say whether it was the network, the password or the reply.
 */
public class ConsoleException extends BaculaException {
  /** Creates the exception. */
  public ConsoleException(String message) {
    super(message);
  }

  /** Creates the exception, keeping its cause. */
  public ConsoleException(String message, Throwable cause) {
    super(message, cause);
  }
}
