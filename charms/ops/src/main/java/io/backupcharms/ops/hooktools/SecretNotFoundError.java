package io.backupcharms.ops.hooktools;

import java.util.List;

/** The secret (by id or label) does not exist or is not visible to this unit. */
public class SecretNotFoundError extends ModelError {
  private static final long serialVersionUID = 1L;

  public SecretNotFoundError(String message) {
    super(message);
  }

  public SecretNotFoundError(String message, List<String> argv, int exitCode, String stderr) {
    super(message, argv, exitCode, stderr, null);
  }
}
