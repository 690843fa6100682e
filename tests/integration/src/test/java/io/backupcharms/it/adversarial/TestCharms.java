package io.backupcharms.it.adversarial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** The built Java charms, and the adversarial test charms packed from tests/charms/adversarial. */
final class TestCharms {
  private TestCharms() {}

  static Path server() {
    return built("bacula-server-charm", "bacula-server");
  }

  static Path fd() {
    return built("bacula-fd-charm", "bacula-fd");
  }

  /** The Python 3 charm that publishes {@code backup} (and, as a rogue, {@code bacula_dir}) from its config. */
  static Path pyBackup() {
    return packed("py-backup");
  }

  private static Path built(String module, String name) {
    Path target = Cli.repoRoot().resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      List<Path> charms = files.filter(p -> p.getFileName().toString().startsWith(name + "_")
          && p.getFileName().toString().endsWith(".charm")).sorted().toList();
      if (charms.isEmpty()) {
        throw new IllegalStateException("no " + name + "_*.charm in " + target + "; run mvn -B package at the root");
      }
      return charms.get(charms.size() - 1);
    } catch (IOException e) {
      throw new IllegalStateException("no " + target + "; build the " + module + " module first", e);
    }
  }

  /** Zips tests/charms/adversarial/NAME with unix modes, as charmcraft would. */
  static Path packed(String name) {
    Path root = Cli.repoRoot();
    Path source = root.resolve("tests/charms/adversarial").resolve(name);
    Path out = root.resolve("tests/integration/target/adversarial-charms").resolve(name + ".charm");
    try {
      Files.createDirectories(out.getParent());
      try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out.toFile()); Stream<Path> walk = Files.walk(source)) {
        for (Path p : walk.sorted().toList()) {
          if (p.equals(source)) {
            continue;
          }
          String entry = source.relativize(p).toString();
          boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
          ZipArchiveEntry e = new ZipArchiveEntry(dir ? entry + "/" : entry);
          boolean exec = !dir && Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_EXECUTE);
          e.setUnixMode(dir ? UnixStat.DIR_FLAG | 0755 : UnixStat.FILE_FLAG | (exec ? 0755 : 0644));
          zip.putArchiveEntry(e);
          if (!dir) {
            zip.write(Files.readAllBytes(p));
          }
          zip.closeArchiveEntry();
        }
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot pack " + source + ": " + e.getMessage(), e);
    }
  }

}
