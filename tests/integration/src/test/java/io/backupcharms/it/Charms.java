package io.backupcharms.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The .charm files the tests deploy: the built Java charms (from {@code mvn package}) and the test
 * charms of {@code tests/charms}, packed here.
 */
public final class Charms {
  /**
   * The base whose archives the tests deploy: Ubuntu 22.04 ships Bacula 9.6.7, the upstream version
   * Debian 12 ships to the machines the tests run on, so it is the base they truly cover.
   */
  public static final String TESTED_BASE = "ubuntu@22.04";

  private Charms() {}

  /** The built bacula-fd charm. */
  public static Path baculaFd() {
    return built(Repo.root(), "bacula-fd-charm", "bacula-fd");
  }

  /** The built bacula-server charm. */
  public static Path baculaServer() {
    return built(Repo.root(), "bacula-server-charm", "bacula-server");
  }

  static Path backupIntegrator() {
    return built(Repo.root(), "backup-integrator-charm", "backup-integrator");
  }

  static Path demoApp() {
    return packed("demo-app");
  }

  static Path postgresqlStub() {
    return packed("postgresql-stub");
  }

  /** The Python charm of {@code tests/charms/tls-provider}: a self-signed-certificates stand-in. */
  static Path tlsProvider() {
    return packed("tls-provider");
  }

  /** The shell charm of {@code tests/charms/s3-provider}: an s3-integrator stand-in. */
  static Path s3Provider() {
    return packed("s3-provider");
  }

  /**
   * The Python 3 charm of {@code tests/charms/adversarial/py-backup}, which publishes whatever
   * {@code backup} data (and, as a rogue bacula-fd, {@code bacula_dir} data) its config says.
   */
  public static Path pyBackup() {
    return packed("adversarial/py-backup");
  }

  /**
   * The module's {@code <name>_<TESTED_BASE>-amd64.charm} from {@code mvn package} in the tree at
   * {@code root} (charm-pack writes one archive per base); a tree built before there was one per
   * base has a single {@code <name>_*.charm}, which is taken instead.
   */
  static Path built(Path root, String module, String name) {
    Path target = root.resolve(module).resolve("target");
    Path charm = target.resolve(name + "_" + TESTED_BASE + "-amd64.charm");
    if (Files.isRegularFile(charm)) {
      return charm;
    }
    try (Stream<Path> files = Files.list(target)) {
      List<Path> charms =
          files
              .filter(
                  p ->
                      p.getFileName().toString().startsWith(name + "_")
                          && p.getFileName().toString().endsWith(".charm"))
              .sorted()
              .toList();
      if (charms.size() != 1) {
        throw new IllegalStateException(
            "no " + charm + "; build it with mvn -B package from the " + "repository root");
      }
      return charms.get(0);
    } catch (IOException e) {
      throw new IllegalStateException(
          "no " + target + "; build the " + module + " module first", e);
    }
  }

  /**
   * Packs tests/charms/<name> into target/test-charms/<name>.charm, keeping modes and symlinks;
   * {@code name} may be a path such as {@code adversarial/py-backup}.
   */
  static Path packed(String name) {
    Path source = Repo.root().resolve("tests/charms").resolve(name);
    Path out = Repo.root().resolve("tests/integration/target/test-charms").resolve(name + ".charm");
    try {
      Files.createDirectories(out.getParent());
      try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out.toFile());
          Stream<Path> walk = Files.walk(source)) {
        for (Path p : walk.sorted().toList()) {
          if (p.equals(source)) {
            continue;
          }
          String entryName = source.relativize(p).toString();
          if (Files.isSymbolicLink(p)) {
            ZipArchiveEntry e = new ZipArchiveEntry(entryName);
            e.setUnixMode(UnixStat.LINK_FLAG | 0777);
            zip.putArchiveEntry(e);
            zip.write(Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
          } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            ZipArchiveEntry e = new ZipArchiveEntry(entryName + "/");
            e.setUnixMode(UnixStat.DIR_FLAG | 0755);
            zip.putArchiveEntry(e);
            zip.closeArchiveEntry();
          } else {
            ZipArchiveEntry e = new ZipArchiveEntry(entryName);
            e.setUnixMode(UnixStat.FILE_FLAG | mode(p));
            zip.putArchiveEntry(e);
            zip.write(Files.readAllBytes(p));
            zip.closeArchiveEntry();
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot pack test charm " + source + ": " + e.getMessage(), e);
    }
  }

  private static int mode(Path file) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    return perms.contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644;
  }
}
