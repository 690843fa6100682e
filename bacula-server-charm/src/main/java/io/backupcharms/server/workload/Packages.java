package io.backupcharms.server.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian packages of the server. The SQLite and PostgreSQL catalog backends conflict, so the
 * charm switches between them; apt uses debs already in its cache when the machine is offline.
 */
public final class Packages {

  /** The server with the default SQLite catalog. */
  public static final List<String> SQLITE =
      List.of("bacula-director", "bacula-director-sqlite3", "bacula-sd", "sqlite3", "openssl");

  /** The server with the PostgreSQL catalog (removes the SQLite backend). */
  public static final List<String> POSTGRES =
      List.of("bacula-director", "bacula-director-pgsql", "bacula-sd", "postgresql-client", "openssl");

  /** The off-machine copy's S3 tool, installed once the s3 relation exists. */
  public static final List<String> OFFSITE = List.of("rclone");

  private static final Map<String, String> ENV =
      Map.of("DEBIAN_FRONTEND", "noninteractive", "PATH",
          "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  private Packages() {}

  /** True when every package is installed. */
  public static boolean installed(List<String> packages) {
    return missing(packages).isEmpty();
  }

  /** The packages of the list that are not installed. */
  public static List<String> missing(List<String> packages) {
    List<String> out = new ArrayList<>();
    for (String p : packages) {
      CommandResult r =
          Commands.run(List.of("dpkg-query", "-W", "-f=${Status}", p), ENV, null, Duration.ofSeconds(30));
      if (!r.isSuccess() || !r.output().contains("install ok installed")) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Installs what is missing. The PostgreSQL backend's database set-up by dbconfig-common is
   * declined first: the charm creates the schema itself with the relation's credentials.
   *
   * @throws IllegalStateException with apt's last lines when the install fails
   */
  public static void ensure(List<String> packages) {
    List<String> missing = missing(packages);
    if (missing.isEmpty()) {
      return;
    }
    if (missing.contains("bacula-director-pgsql")) {
      java.nio.file.Path answers = null;
      try {
        answers = java.nio.file.Files.createTempFile("bacula-debconf", ".txt");
        java.nio.file.Files.writeString(
            answers, "bacula-director-pgsql bacula-director-pgsql/dbconfig-install boolean false\n");
        Commands.run(List.of("debconf-set-selections"), ENV, answers, Duration.ofSeconds(60));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot preseed debconf: " + e.getMessage(), e);
      } finally {
        if (answers != null) {
          answers.toFile().delete();
        }
      }
    }
    List<String> argv = new ArrayList<>(
        List.of("apt-get", "install", "-y", "-q", "--no-install-recommends",
            "-o", "Dpkg::Options::=--force-confold"));
    argv.addAll(missing);
    CommandResult r = Commands.run(argv, ENV, null, Duration.ofMinutes(10));
    if (!r.isSuccess()) {
      CommandResult update =
          Commands.run(List.of("apt-get", "update", "-q"), ENV, null, Duration.ofMinutes(5));
      if (update.isSuccess()) {
        r = Commands.run(argv, ENV, null, Duration.ofMinutes(10));
      }
    }
    if (!r.isSuccess()) {
      throw new IllegalStateException(
          "installing " + String.join(" ", missing) + " failed: " + r.tail(3)
              + "; check the machine's apt sources, then run juju resolve");
    }
  }
}
