package io.backupcharms.ops.hooktools;

import java.util.List;

/** The relation id named in a relation tool call does not exist (any more). */
public class RelationNotFoundError extends ModelError {
  private static final long serialVersionUID = 1L;

  public RelationNotFoundError(String message) {
    super(message);
  }

  public RelationNotFoundError(String message, List<String> argv, int exitCode, String stderr) {
    super(message, argv, exitCode, stderr, null);
  }
}
