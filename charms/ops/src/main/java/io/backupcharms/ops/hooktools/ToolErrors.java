package io.backupcharms.ops.hooktools;

import java.util.List;

/**
 * Maps a failed tool run to the typed exception a charm can catch. Public so that in-memory
 * backends (ops-testing) raise exactly what the process backend raises for the same failure.
 */
public final class ToolErrors {
  private ToolErrors() {}

  static ModelError map(ProcessRunner.Output out) {
    return fromFailure(out.argv(), out.exitCode(), out.stderr());
  }

  /**
   * The exception for a tool that exited with {@code exitCode} after printing {@code stderr} (Juju
   * prints {@code ERROR <message>}).
   */
  public static ModelError fromFailure(List<String> argv, int exitCode, String stderr) {
    String tool = argv.get(0);
    String detail = stderr.strip().isEmpty() ? "(no output on stderr)" : stderr.strip();
    String message = tool + " failed with exit code " + exitCode + ": " + detail;
    if (detail.contains("relation not found")) {
      return new RelationNotFoundError(message, argv, exitCode, stderr);
    }
    if (tool.startsWith("secret-") && detail.contains("not found")) {
      return new SecretNotFoundError(message, argv, exitCode, stderr);
    }
    if (tool.startsWith("relation-")
        && (detail.contains("permission denied")
            || detail.contains("cannot write relation settings"))) {
      return new RelationDataAccessError(message, argv, exitCode, stderr);
    }
    return new ModelError(message, argv, exitCode, stderr, null);
  }
}
