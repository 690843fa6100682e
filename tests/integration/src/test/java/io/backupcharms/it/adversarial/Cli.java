package io.backupcharms.it.adversarial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/localjuju} as an operator runs {@code juju}: one bounded process per command,
 * output through files (a chatty command never blocks on a full pipe), killed with its children
 * on time-out. The harness of {@code io.backupcharms.it} is package-private, hence this one.
 */
final class Cli {
  static final ObjectMapper JSON = new ObjectMapper();

  /** What a finished command left behind. */
  record Result(List<String> argv, int exitCode, String stdout, String stderr) {
    Result orThrow() {
      if (exitCode != 0) {
        throw new IllegalStateException("command " + String.join(" ", argv) + " exited with " + exitCode
            + ": " + (stderr.isBlank() ? stdout.strip() : stderr.strip()));
      }
      return this;
    }
  }

  private final Path executable;
  private final Path home;

  private Cli(Path executable, Path home) {
    this.executable = executable;
    this.home = home;
  }

  /** The repository's localjuju, with the end-to-end tests' home unless -Dlocaljuju.home says otherwise. */
  static Cli ofRepository() {
    String override = System.getProperty("localjuju.bin", "");
    Path bin = override.isEmpty() ? repoRoot().resolve("bin/localjuju") : Path.of(override);
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(bin + " is missing or not executable; build with mvn -B package at the root");
    }
    return new Cli(bin, Path.of(System.getProperty("localjuju.home", "/tmp/backupcharms-it")));
  }

  Path home() {
    return home;
  }

  /** The repository root: the nearest ancestor holding charms/localjuju. */
  static Path repoRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("charms/localjuju")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  Result run(Duration timeout, List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(executable.toString());
    argv.addAll(args);
    Path out = null;
    Path err = null;
    Process process = null;
    try {
      out = Files.createTempFile("adv-out", ".txt");
      err = Files.createTempFile("adv-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().put("LOCALJUJU_HOME", home.toString());
      process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new IllegalStateException("command " + String.join(" ", argv) + " did not finish within " + timeout);
      }
      return new Result(argv, process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", argv) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
      throw new IllegalStateException("interrupted while running " + String.join(" ", argv), e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  Result ok(Duration timeout, String... args) {
    return run(timeout, List.of(args)).orThrow();
  }

  static JsonNode parse(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(what + " printed something that is not JSON: " + json, e);
    }
  }

  private static void kill(Process process) {
    if (process != null) {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // A leftover temp file is harmless; the command's outcome matters more.
      }
    }
  }
}
