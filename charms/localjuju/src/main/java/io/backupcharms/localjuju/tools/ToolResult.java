package io.backupcharms.localjuju.tools;

/** What a tool prints and its exit code. */
public record ToolResult(int exitCode, String stdout, String stderr) {
  static ToolResult ok(String stdout) {
    return new ToolResult(0, stdout, "");
  }
}
