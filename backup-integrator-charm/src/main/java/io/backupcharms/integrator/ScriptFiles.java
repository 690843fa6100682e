package io.backupcharms.integrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The hook scripts on this machine: one executable file per script in one directory whose path does
 * not depend on the unit, so the paths the leader publishes are valid on every machine.
 */
final class ScriptFiles {
  /**
   * The File Daemon runs them as root, and a dump script often names the database and where its
   * dump goes: only root may read, change or run them.
   */
  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("rwx------");

  private final Path dir;

  ScriptFiles(Path dir) {
    this.dir = dir;
  }

  /** Where the script of this name lives (whether or not it exists). */
  Path pathOf(String name) {
    return dir.resolve(name);
  }

  /**
   * Makes the directory hold exactly the wanted scripts among the known names: writes the ones
   * whose content or mode differs (atomically, mode 0700, owned by the user running the charm, root
   * under Juju) and deletes the known ones not wanted.
   *
   * @throws UncheckedIOException naming the file when the disk refuses
   */
  void sync(Map<String, String> wanted, Collection<String> known) {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, EXECUTABLE);
      for (String name : known) {
        Path file = pathOf(name);
        String content = wanted.get(name);
        if (content == null) {
          Files.deleteIfExists(file);
        } else if (!isCurrent(file, content)) {
          write(file, content);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot update the scripts in "
              + dir
              + ": "
              + e.getMessage()
              + "; check that the disk is writable",
          e);
    }
  }

  /** Deletes the directory and the scripts in it. */
  void removeAll() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean isCurrent(Path file, String content) throws IOException {
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && Files.getPosixFilePermissions(file).equals(EXECUTABLE)
        && Arrays.equals(Files.readAllBytes(file), content.getBytes(StandardCharsets.UTF_8));
  }

  private void write(Path file, String content) throws IOException {
    // A fresh file renamed over the old one: a backup starting now runs the old or the new
    // script, never half of one, and a symlink planted at the path is replaced, not followed.
    Path tmp =
        Files.createTempFile(
            dir,
            "." + file.getFileName(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(tmp, EXECUTABLE);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
