package io.backupcharms.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs short-lived commands with a bound on their time, capturing their output. Public for its
 * {@link Result}, which the harness returns from commands run on a model.
 */
public final class Processes {
  private Processes() {}

  /** What a finished command left behind. */
  public record Result(List<String> argv, int exitCode, String stdout, String stderr) {
    public Result {
      argv = List.copyOf(argv);
    }

    /** Whether the command exited with 0. */
    public boolean isSuccess() {
      return exitCode == 0;
    }

    /** Returns this result, or throws with the command, its exit code and stderr. */
    public Result orThrow() {
      if (exitCode != 0) {
        throw new IllegalStateException(
            "command "
                + String.join(" ", argv)
                + " exited with "
                + exitCode
                + ": "
                + (stderr.isBlank() ? stdout.strip() : stderr.strip()));
      }
      return this;
    }
  }

  /** Runs argv with stdin from {@code input} (may be null) and kills it after {@code timeout}. */
  static Result run(Duration timeout, String input, List<String> argv) {
    return run(timeout, input, argv, Map.of());
  }

  /** Like {@link #run(Duration, String, List)}, with extra environment variables. */
  static Result run(Duration timeout, String input, List<String> argv, Map<String, String> env) {
    Path out = null;
    Path err = null;
    Process process = null;
    try {
      // Files rather than pipes: a chatty command can never block on a full pipe buffer.
      out = Files.createTempFile("it-out", ".txt");
      err = Files.createTempFile("it-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(env);
      if (input == null) {
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      }
      process = builder.start();
      if (input != null) {
        try (var stdin = process.getOutputStream()) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        killTree(process.toHandle());
        throw new IllegalStateException(
            "command "
                + String.join(" ", argv)
                + " did not finish within "
                + timeout
                + "; stderr so far: "
                + tail(Files.readString(err), 2000));
      }
      return new Result(argv, process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + String.join(" ", argv) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (process != null) {
        killTree(process.toHandle());
      }
      throw new IllegalStateException("interrupted while running " + String.join(" ", argv), e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  static Result run(Duration timeout, String... argv) {
    return run(timeout, null, List.of(argv));
  }

  static Result run(Duration timeout, List<String> argv) {
    return run(timeout, null, argv);
  }

  /** Kills a process and everything it started, children first. */
  static void killTree(ProcessHandle handle) {
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
  }

  static String tail(String text, int max) {
    return text.length() <= max ? text : "..." + text.substring(text.length() - max);
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // A leftover temp file is harmless; the original outcome matters more.
      }
    }
  }
}
