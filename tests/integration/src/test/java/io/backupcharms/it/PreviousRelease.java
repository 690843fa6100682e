package io.backupcharms.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The charms of the last release, built from git: the commit named in {@code
 * tests/integration/previous-release} is exported (git archive, so the checkout is left alone) into
 * {@code target/previous-release/<commit>} and its three charm modules are packed there with Maven,
 * once; a later run reuses them.
 */
final class PreviousRelease {
  private static final Duration BUILD = Duration.ofMinutes(15);

  private PreviousRelease() {}

  /** The commit of the last release, as the pin file names it. */
  static String commit() {
    Path pin = Repo.root().resolve("tests/integration/previous-release");
    try {
      return Files.readAllLines(pin).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(pin + " names no commit"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + pin, e);
    }
  }

  /** Builds (or reuses) the release's charms and returns them. */
  static Release build() {
    String commit = commit();
    Path root = Repo.root();
    boolean present =
        Processes.run(
                Duration.ofSeconds(30),
                "git",
                "-C",
                root.toString(),
                "cat-file",
                "-e",
                commit + "^{commit}")
            .isSuccess();
    // A shallow clone lacks history: say why nothing is tested rather than fail on git.
    assumeTrue(
        present,
        () ->
            "commit "
                + commit
                + " (tests/integration/previous-release) is not in this "
                + "clone's history; clone the repository without --depth to run the upgrade test");
    Path dir = root.resolve("tests/integration/target/previous-release").resolve(commit);
    if (!Files.isRegularFile(dir.resolve(".built"))) {
      export(root, commit, dir);
      Processes.run(
              BUILD,
              null,
              List.of(
                  "mvn",
                  "-B",
                  "-q",
                  "-ntp",
                  "-f",
                  dir.resolve("pom.xml").toString(),
                  "package",
                  "-DskipTests",
                  "-pl",
                  "backup-integrator-charm,bacula-fd-charm,bacula-server-charm",
                  "-am"))
          .orThrow();
      try {
        Files.writeString(dir.resolve(".built"), commit + "\n");
      } catch (IOException e) {
        throw new IllegalStateException("cannot mark " + dir + " built", e);
      }
    }
    return Release.builtIn(dir);
  }

  private static void export(Path root, String commit, Path dir) {
    try {
      if (Files.exists(dir)) {
        Processes.run(Duration.ofMinutes(2), "rm", "-rf", "--", dir.toString()).orThrow();
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + dir, e);
    }
    Processes.run(
            Duration.ofMinutes(2),
            "sh",
            "-c",
            "git -C \"$1\" archive --format=tar \"$2\" | tar -x -C \"$3\"",
            "export",
            root.toString(),
            commit,
            dir.toString())
        .orThrow();
  }
}
