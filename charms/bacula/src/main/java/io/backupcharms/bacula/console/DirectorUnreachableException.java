package io.backupcharms.bacula.console;

/** No connection to the Director: refused, timed out, or dropped mid-command. */
public final class DirectorUnreachableException extends ConsoleException {
  /** Creates the exception, keeping the network error. */
  public DirectorUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
