package io.backupcharms.ops.hooktools;

import java.util.List;

/**
 * Root of every error raised by the model and the hook-tool backend.
 *
 * <p>When a hook tool failed, {@link #argv()}, {@link #exitCode()} and {@link #stderr()} hold the
 * raw facts; for errors raised by the model's own checks (before any tool ran) {@code argv} is
 * empty and {@code exitCode} is -1.
 */
public class ModelError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> argv;
  private final int exitCode;
  private final String stderr;

  public ModelError(String message) {
    this(message, List.of(), -1, "", null);
  }

  public ModelError(String message, Throwable cause) {
    this(message, List.of(), -1, "", cause);
  }

  public ModelError(
      String message, List<String> argv, int exitCode, String stderr, Throwable cause) {
    super(message, cause);
    this.argv = List.copyOf(argv);
    this.exitCode = exitCode;
    this.stderr = stderr == null ? "" : stderr;
  }

  /** The tool's command line, empty when no tool ran. */
  public List<String> argv() {
    return argv;
  }

  /** The tool's exit code, -1 when no tool ran. */
  public int exitCode() {
    return exitCode;
  }

  /** What the tool printed on stderr, usually {@code ERROR <message>}. */
  public String stderr() {
    return stderr;
  }
}
