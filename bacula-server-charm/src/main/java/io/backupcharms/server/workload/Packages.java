package io.backupcharms.server.workload;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.host.AptInstaller;
import io.backupcharms.bacula.host.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian packages of the server. The SQLite and PostgreSQL catalog backends conflict, so the charm
 * switches between them; apt uses debs already in its cache when the machine is offline.
 */
public final class Packages {

  /** The server with the default SQLite catalog. */
  public static final List<String> SQLITE =
      List.of("bacula-director", "bacula-director-sqlite3", "bacula-sd", "sqlite3", "openssl");

  /** The server with the PostgreSQL catalog (removes the SQLite backend). */
  public static final List<String> POSTGRES =
      List.of(
          "bacula-director", "bacula-director-pgsql", "bacula-sd", "postgresql-client", "openssl");

  /** The off-machine copy's S3 tool, installed once the s3 relation exists. */
  public static final List<String> OFFSITE = List.of("rclone");

  private static final Map<String, String> ENV =
      Map.of(
          "DEBIAN_FRONTEND",
          "noninteractive",
          "PATH",
          "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  /** The installer both charms share: lock waits, and daemons kept stopped until configured. */
  private static final AptInstaller APT = new AptInstaller();

  private Packages() {}

  /** True when every package is installed. */
  public static boolean installed(List<String> packages) {
    return missing(packages).isEmpty();
  }

  /** The packages of the list that are not installed. */
  public static List<String> missing(List<String> packages) {
    return APT.missing(packages);
  }

  /**
   * Installs what is missing. The PostgreSQL backend's database set-up by dbconfig-common is
   * declined first: the charm creates the schema itself with the relation's credentials. The
   * packaged Director and Storage Daemon do not start on the package's configuration; the charm
   * starts them once it has written its own.
   *
   * @throws IllegalStateException with apt's last lines, or the holder of apt's lock, when the
   *     install fails
   */
  public static void ensure(List<String> packages) {
    List<String> missing = missing(packages);
    if (missing.isEmpty()) {
      return;
    }
    if (missing.contains("bacula-director-pgsql")) {
      Path answers = null;
      try {
        answers = Files.createTempFile("bacula-debconf", ".txt");
        Files.writeString(
            answers,
            "bacula-director-pgsql bacula-director-pgsql/dbconfig-install boolean false\n");
        new Command(List.of("debconf-set-selections"), ENV, answers, Duration.ofSeconds(60)).run();
      } catch (IOException e) {
        throw new IllegalStateException("cannot preseed debconf: " + e.getMessage(), e);
      } finally {
        if (answers != null) {
          answers.toFile().delete();
        }
      }
    }
    try {
      APT.install(missing);
    } catch (BaculaException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
