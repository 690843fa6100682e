package io.backupcharms.server.actions;

/**
 * A logged-in console on the Director. Implemented over the Bacula library's native console
 * client; tests may implement it over a test Director.
 */
public interface ConsoleSession extends AutoCloseable {

  /**
   * Sends one command and returns everything the Director printed for it.
   *
   * @throws io.backupcharms.bacula.BaculaException when the Director cannot be reached
   */
  String send(String command);

  @Override
  void close();
}
