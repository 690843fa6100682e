package io.backupcharms.bacula.host;

import java.util.List;

/**
 * How one {@link Command} ended: its argv, the ending, the exit code and what it printed (stdout
 * and stderr merged). A program that did not exit by itself gets the shell's exit code for the case
 * (127 not started, 124 timed out, 130 interrupted), and its output ends with the reason.
 */
public record CommandResult(List<String> argv, Ending ending, int exitCode, String output) {
  /** The exit code of a program that could not be started, as a shell reports it. */
  public static final int NOT_STARTED = 127;

  /** The exit code of a program killed at its time limit, as {@code timeout(1)} reports it. */
  public static final int TIMED_OUT = 124;

  /** The exit code of a program whose caller was interrupted, as a shell reports SIGINT. */
  public static final int INTERRUPTED = 130;

  /** How the program ended. */
  public enum Ending {
    /** It ran and exited with {@link #exitCode()}. */
    EXITED,
    /** It could not be started (missing, not executable). */
    NOT_STARTED,
    /** It ran past its time limit and was killed, with its children. */
    TIMED_OUT,
    /** The calling thread was interrupted; the program was killed. */
    INTERRUPTED
  }

  public CommandResult {
    argv = List.copyOf(argv);
  }

  /** True when the program exited 0. */
  public boolean isSuccess() {
    return ending == Ending.EXITED && exitCode == 0;
  }

  /** The last {@code lines} lines of output, for error messages. */
  public String tail(int lines) {
    List<String> all = output.strip().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /**
   * This result when the program exited by itself, whatever its exit code.
   *
   * @throws HostException when it could not be started (naming the program and suggesting the
   *     package), ran past its time limit, or was interrupted
   */
  public CommandResult requireExited() {
    return switch (ending) {
      case EXITED -> this;
      case NOT_STARTED ->
          throw new HostException(
              output.strip() + "; is the Debian package providing it installed?", this);
      case TIMED_OUT ->
          throw new HostException(
              String.join(" ", argv)
                  + " did not finish within its time"
                  + " limit and was killed: "
                  + tail(3),
              this);
      case INTERRUPTED -> throw new HostException("interrupted while running " + argv.get(0), this);
    };
  }
}
