package io.backupcharms.ops.hooktools;

import java.util.List;

/**
 * A relation databag was read or written against Juju's rules: only the leader writes its
 * application bag, a non-leader cannot read its own application bag, and only this unit's own unit
 * bag is writable.
 */
public class RelationDataAccessError extends ModelError {
  private static final long serialVersionUID = 1L;

  public RelationDataAccessError(String message) {
    super(message);
  }

  public RelationDataAccessError(String message, List<String> argv, int exitCode, String stderr) {
    super(message, argv, exitCode, stderr, null);
  }
}
