package io.backupcharms.bacula.host;

import io.backupcharms.bacula.BaculaException;
import java.util.Optional;

/**
 * A machine command failed: it could not start, ran past its time limit, or exited with an error
 * the caller cannot go on from. The message names the command and ends with its output.
 */
public class HostException extends BaculaException {
  private final transient CommandResult result;

  /** A failure of the command that ended as {@code result}. */
  public HostException(String message, CommandResult result) {
    super(message);
    this.result = result;
  }

  /** A failure with no command behind it (a file the host could not write). */
  public HostException(String message, Throwable cause) {
    super(message, cause);
    this.result = null;
  }

  /** How the command ended, when a command failed. */
  public Optional<CommandResult> result() {
    return Optional.ofNullable(result);
  }
}
