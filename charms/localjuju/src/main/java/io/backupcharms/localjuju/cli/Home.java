package io.backupcharms.localjuju.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where models live: {@code $LOCALJUJU_HOME}, default {@code ~/.local/share/localjuju}. */
final class Home {
  final Path dir;

  Home() {
    String env = System.getenv("LOCALJUJU_HOME");
    this.dir =
        (env != null && !env.isEmpty()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".local", "share", "localjuju"))
            .toAbsolutePath();
  }

  Path model(String name) {
    return dir.resolve("models").resolve(name);
  }

  String current() throws IOException {
    Path f = dir.resolve("current-model");
    return Files.exists(f) ? Files.readString(f).trim() : "";
  }

  void setCurrent(String name) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("current-model"), name + "\n");
  }
}
