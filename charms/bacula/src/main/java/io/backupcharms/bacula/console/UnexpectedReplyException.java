package io.backupcharms.bacula.console;

/**
 * The Director answered something this client does not understand, or said the command failed.
 * {@link #directorText()} is exactly what it sent.
 */
public final class UnexpectedReplyException extends ConsoleException {
  private final String command;
  private final String directorText;

  /** Creates the exception for {@code command}, quoting the Director. */
  public UnexpectedReplyException(String command, String problem, String directorText) {
    super(
        "console command '"
            + command
            + "': "
            + problem
            + "; the Director said:\n"
            + (directorText.isBlank() ? "(nothing)" : directorText.strip()));
    this.command = command;
    this.directorText = directorText;
  }

  /** The command sent. */
  public String command() {
    return command;
  }

  /** What the Director sent back. */
  public String directorText() {
    return directorText;
  }
}
