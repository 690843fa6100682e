package io.backupcharms.server.workload;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with a bounded wait. Secrets go through the environment or a file, never argv,
 * where {@code ps} would show them.
 */
public final class Commands {

  private Commands() {}

  /**
   * Runs {@code argv} with extra environment and optional stdin file, killing it after {@code
   * timeout}. A variable mapped to {@code null} is removed from the inherited environment.
   */
  public static CommandResult run(
      List<String> argv, Map<String, String> env, Path stdin, Duration timeout) {
    Path out = null;
    try {
      out = Files.createTempFile("bacula-server-cmd", ".out");
      ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
      pb.redirectOutput(out.toFile());
      pb.redirectInput(
          stdin == null
              ? ProcessBuilder.Redirect.from(new File("/dev/null"))
              : ProcessBuilder.Redirect.from(stdin.toFile()));
      env.forEach(
          (name, value) -> {
            if (value == null) {
              pb.environment().remove(name);
            } else {
              pb.environment().put(name, value);
            }
          });
      Process process = pb.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return new CommandResult(
            argv, 124, read(out) + "\n(killed after " + timeout.toSeconds() + " s)");
      }
      return new CommandResult(argv, process.exitValue(), read(out));
    } catch (IOException e) {
      return new CommandResult(argv, 127, "cannot run " + argv.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CommandResult(argv, 130, "interrupted");
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // A leftover temp file is harmless; the command's outcome matters more.
        }
      }
    }
  }

  /** Runs {@code argv} with no extra environment and no input. */
  public static CommandResult run(List<String> argv, Duration timeout) {
    return run(argv, Map.of(), null, timeout);
  }

  private static String read(Path out) {
    try {
      byte[] bytes = Files.readAllBytes(out);
      int max = 64 * 1024;
      int from = Math.max(0, bytes.length - max);
      return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
