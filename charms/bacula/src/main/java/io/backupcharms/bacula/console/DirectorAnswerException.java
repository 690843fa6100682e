package io.backupcharms.bacula.console;

/**
 * The Director answered a job or catalog request, but not with what was asked for: it queued no
 * job, found nothing to restore, or sent rows this client cannot read. The message quotes it.
 */
public final class DirectorAnswerException extends ConsoleException {
  /** Creates the exception; {@code message} already quotes the Director. */
  public DirectorAnswerException(String message) {
    super(message);
  }

  /**
   * The Director's answer on one line, without its "You have messages." notice, cut at 300
   * characters.
   */
  static String oneLine(String text) {
    String flat = text.replace("You have messages.", "").replaceAll("\\s+", " ").strip();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
