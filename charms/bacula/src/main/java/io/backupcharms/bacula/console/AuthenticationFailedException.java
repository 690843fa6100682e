package io.backupcharms.bacula.console;

/** A Bacula daemon refused our password, or could not prove it knows it (mutual authentication). */
public final class AuthenticationFailedException extends ConsoleException {
  /** Creates the exception. */
  public AuthenticationFailedException(String message) {
    super(message);
  }
}
