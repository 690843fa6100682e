package io.backupcharms.bacula.console.reply;

/** A job's status letter in the catalog and in {@code .status dir}. */
public enum JobStatus {
  OK('T', true, true),
  OK_WITH_WARNINGS('W', true, true),
  ERROR('E', true, false),
  NON_FATAL_ERROR('e', true, false),
  FATAL_ERROR('f', true, false),
  CANCELLED('A', true, false),
  DIFFERENCES('D', true, false),
  INCOMPLETE('I', true, false),
  RUNNING('R', false, false),
  CREATED('C', false, false),
  BLOCKED('B', false, false),
  WAITING_FD('F', false, false),
  WAITING_SD('S', false, false),
  WAITING_MEDIA('m', false, false),
  WAITING_MOUNT('M', false, false),
  WAITING_STORAGE('s', false, false),
  WAITING_JOB('j', false, false),
  WAITING_CLIENT('c', false, false),
  WAITING_MAX_JOBS('d', false, false),
  WAITING_START_TIME('t', false, false),
  WAITING_PRIORITY('p', false, false),
  WAITING_SD_RESOURCE('a', false, false),
  WAITING_DIR('i', false, false),
  WAITING_CLIENT_RESOURCE('q', false, false),
  WAITING_DATA('l', false, false),
  WAITING_DESPOOL('L', false, false);

  private final char letter;
  private final boolean terminal;
  private final boolean success;

  JobStatus(char letter, boolean terminal, boolean success) {
    this.letter = letter;
    this.terminal = terminal;
    this.success = success;
  }

  /** The letter Bacula uses. */
  public char letter() {
    return letter;
  }

  /** The job has ended. */
  public boolean isTerminal() {
    return terminal;
  }

  /** The job ended well (T or W). */
  public boolean isSuccess() {
    return success;
  }

  /**
   * The status for a letter.
   *
   * @throws ReplyFormatException for a letter Bacula 9.6 does not use
   */
  public static JobStatus of(String letter) {
    if (letter != null && letter.length() == 1) {
      for (JobStatus s : values()) {
        if (s.letter == letter.charAt(0)) {
          return s;
        }
      }
    }
    throw new ReplyFormatException("unknown job status \"" + letter + "\"", String.valueOf(letter));
  }
}
