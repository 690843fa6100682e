package io.backupcharms.bacula.console.reply;

import io.backupcharms.bacula.BaculaException;

/** A reply did not have the expected shape; the message quotes the Director's text. */
public final class ReplyFormatException extends BaculaException {
  private final String directorText;

  /** Creates the exception, quoting what the Director sent. */
  public ReplyFormatException(String problem, String directorText) {
    super(
        problem
            + "; the Director said:\n"
            + (directorText.isBlank() ? "(nothing)" : directorText.strip()));
    this.directorText = directorText;
  }

  /** What the Director sent. */
  public String directorText() {
    return directorText;
  }
}
