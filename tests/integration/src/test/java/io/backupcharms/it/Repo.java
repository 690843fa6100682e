package io.backupcharms.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in this repository, found from the test's working directory. */
final class Repo {
  private Repo() {}

  /** The repository root: the nearest ancestor holding charms/localjuju. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("charms/localjuju"))
          && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException(
        "cannot find the repository root above "
            + dir
            + "; run the tests from the repository (mvn verify)");
  }
}
