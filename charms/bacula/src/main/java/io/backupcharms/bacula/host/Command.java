package io.backupcharms.bacula.host;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One program to run on the machine: its argv, extra environment, stdin and time limit. Every charm
 * of the project runs its machine commands through {@link #run()}. Secrets go through the
 * environment or a stdin file, never argv, where {@code ps} would show them.
 *
 * <p>Built on {@link ProcessBuilder} rather than Commons Exec: Commons Exec's {@code CommandLine}
 * trims and re-quotes arguments (the hook-tool runner in {@code charms/ops} has to bypass it), and
 * its stream pumps cost two threads a call, where redirecting to a file costs none and cannot block
 * on a full pipe.
 *
 * @param argv the program and its arguments, passed verbatim
 * @param env variables added to the inherited environment; one mapped to {@code null} is removed
 * @param stdin the file the program reads, or {@code null} for {@code /dev/null}
 * @param timeout how long the program may run before it (and its children) is killed
 */
public record Command(List<String> argv, Map<String, String> env, Path stdin, Duration timeout) {
  public Command {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least the program to run");
    }
    // Map.copyOf refuses null values, which here mean "remove from the environment".
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    Objects.requireNonNull(timeout, "timeout");
  }

  /** {@code argv} with the inherited environment, no input, killed after {@code timeout}. */
  public static Command of(List<String> argv, Duration timeout) {
    return new Command(argv, Map.of(), null, timeout);
  }

  /** A copy that also sets (or, for a {@code null} value, removes) these variables. */
  public Command withEnv(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.putAll(more);
    return new Command(argv, all, stdin, timeout);
  }

  /** A copy that reads {@code file} on stdin. */
  public Command withStdin(Path file) {
    return new Command(argv, env, file, timeout);
  }

  /**
   * Runs the program to its end and returns how it ended, with stdout and stderr merged. Never
   * throws for the program's own outcome: a missing program, a timeout or an interrupt is a {@link
   * CommandResult.Ending}; callers that treat those as errors call {@link
   * CommandResult#requireExited()}.
   */
  public CommandResult run() {
    Path out = null;
    try {
      out = Files.createTempFile("bacula-cmd", ".out");
      ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
      pb.redirectOutput(out.toFile());
      pb.redirectInput(
          ProcessBuilder.Redirect.from(stdin == null ? new File("/dev/null") : stdin.toFile()));
      env.forEach(
          (name, value) -> {
            if (value == null) {
              pb.environment().remove(name);
            } else {
              pb.environment().put(name, value);
            }
          });
      Process process;
      try {
        process = pb.start();
      } catch (IOException e) {
        return new CommandResult(
            argv,
            CommandResult.Ending.NOT_STARTED,
            CommandResult.NOT_STARTED,
            "cannot run " + argv.get(0) + ": " + e.getMessage());
      }
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          kill(process);
          return new CommandResult(
              argv,
              CommandResult.Ending.TIMED_OUT,
              CommandResult.TIMED_OUT,
              read(out).stripTrailing() + "\n(killed after " + timeout.toSeconds() + " s)");
        }
      } catch (InterruptedException e) {
        kill(process);
        Thread.currentThread().interrupt();
        return new CommandResult(
            argv,
            CommandResult.Ending.INTERRUPTED,
            CommandResult.INTERRUPTED,
            read(out).stripTrailing() + "\n(interrupted)");
      }
      return new CommandResult(argv, CommandResult.Ending.EXITED, process.exitValue(), read(out));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep the output of "
              + argv.get(0)
              + " in a temporary file: "
              + e.getMessage()
              + "; check the free space in "
              + System.getProperty("java.io.tmpdir"),
          e);
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

  /** Kills the program and what it started (a shell's children would keep running otherwise). */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String read(Path out) throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
