package io.backupcharms.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code bin/localjuju} as a process, the way an operator runs {@code juju}. */
final class LocalJuju {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path executable;
  private final Path home;

  private LocalJuju(Path executable, Path home) {
    this.executable = executable;
    this.home = home;
  }

  /** The repository's {@code bin/localjuju}, which runs the jar built by {@code mvn package}. */
  static LocalJuju ofRepository() {
    // -Dlocaljuju.bin=PATH runs another build of the CLI (e.g. a copy that a rebuild cannot
    // change).
    String override = System.getProperty("localjuju.bin", "");
    Path bin = override.isEmpty() ? Repo.root().resolve("bin/localjuju") : Path.of(override);
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(
          bin
              + " is missing or not executable; run the tests from a "
              + "complete checkout with mvn -B verify at the repository root");
    }
    // The tests' models live apart from an operator's own (LOCALJUJU_HOME), on a short path
    // because the model's unix sockets live under it; -Dlocaljuju.home=DIR puts them elsewhere.
    return new LocalJuju(
        bin, Path.of(System.getProperty("localjuju.home", "/tmp/backupcharms-it")));
  }

  /** Runs one command; a non-zero exit is returned, not thrown. */
  Processes.Result run(Duration timeout, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(executable.toString());
    argv.addAll(List.of(args));
    return Processes.run(timeout, null, argv, Map.of("LOCALJUJU_HOME", home.toString()));
  }

  /** Runs one command that must succeed. */
  Processes.Result ok(Duration timeout, String... args) {
    return run(timeout, args).orThrow();
  }

  /** {@code value} as JSON text, e.g. a relation data bag for a test charm's config. */
  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + " as JSON: " + e.getMessage(), e);
    }
  }

  static JsonNode parse(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(
          what + " printed something that is not JSON: " + Processes.tail(json, 2000), e);
    }
  }
}
