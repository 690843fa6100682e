package io.backupcharms.localjuju.tools;

/** A tool failure: printed as {@code ERROR <message>} with exit code 2 (usage) or 1 (run time). */
public final class ToolError extends RuntimeException {
  private final int exitCode;

  ToolError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A flag or argument error: exit code 2. */
  static ToolError usage(String message) {
    return new ToolError(2, message);
  }

  /** A failure at run time: exit code 1. */
  static ToolError failed(String message) {
    return new ToolError(1, message);
  }

  int exitCode() {
    return exitCode;
  }
}
