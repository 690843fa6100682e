package io.backupcharms.server.actions;

import io.backupcharms.bacula.console.DirectorConsole;

/** A {@link ConsoleSession} over the Bacula library's native Director console client. */
public final class NativeConsoleSession implements ConsoleSession {

  private final DirectorConsole console;

  public NativeConsoleSession(DirectorConsole console) {
    this.console = console;
  }

  @Override
  public String send(String command) {
    return console.command(command);
  }

  @Override
  public void close() {
    console.close();
  }
}
