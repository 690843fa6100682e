package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates an empty catalog from Debian's schema files. {@code bacula-dir -t} and the Director need
 * the catalog to exist; the packaged {@code make_sqlite3_tables} has hard-coded paths.
 */
public final class CatalogSetup {
  /** Debian's SQLite schema (package bacula-director-sqlite3). */
  public static final Path SQLITE_SCHEMA =
      Path.of("/usr/share/dbconfig-common/data/bacula-director-sqlite3/install/sqlite3");

  /** Debian's PostgreSQL schema (package bacula-director-pgsql). */
  public static final Path PGSQL_SCHEMA =
      Path.of("/usr/share/dbconfig-common/data/bacula-director-pgsql/install/pgsql");

  private CatalogSetup() {}

  /** {@link #createSqlite(Path, String, Path)} with Debian's schema. */
  public static Path createSqlite(Path workingDirectory, String dbName) {
    return createSqlite(workingDirectory, dbName, SQLITE_SCHEMA);
  }

  /**
   * Creates {@code <workingDirectory>/<dbName>.db} with the schema, through the sqlite3 CLI, unless
   * it exists. The file is given to user bacula when that user exists, because the Director runs as
   * bacula.
   *
   * @return the database file
   * @throws BaculaException when the schema is missing or sqlite3 fails, with its output
   */
  public static Path createSqlite(Path workingDirectory, String dbName, Path schema) {
    Path db = workingDirectory.resolve(dbName + ".db");
    if (Files.exists(db)) {
      return db;
    }
    if (!Files.isRegularFile(schema)) {
      throw new BaculaException(
          "SQLite catalog schema "
              + schema
              + " not found; install the"
              + " Debian package bacula-director-sqlite3");
    }
    Path tmp = workingDirectory.resolve("." + dbName + ".db.new");
    try {
      Files.createDirectories(workingDirectory);
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      throw new BaculaException("cannot prepare " + workingDirectory + " for the catalog: " + e, e);
    }
    CommandResult r =
        Command.of(List.of("sqlite3", tmp.toString()), Duration.ofSeconds(60))
            .withStdin(schema)
            .run()
            .requireExited();
    if (r.exitCode() != 0) {
      AtomicFile.deleteQuietly(tmp);
      throw new BaculaException(
          "sqlite3 could not create the catalog "
              + db
              + " from "
              + schema
              + " (exit code "
              + r.exitCode()
              + "): "
              + r.output().strip());
    }
    try {
      giveToBacula(tmp);
      Files.move(tmp, db);
    } catch (IOException e) {
      throw new BaculaException("cannot install the catalog " + db + ": " + e, e);
    }
    return db;
  }

  /**
   * Loads the PostgreSQL schema into an existing, empty database with {@code psql}, unless the
   * Bacula tables already exist. The password travels in the environment, not on the command line.
   *
   * @param psql the psql program, e.g. {@code psql}
   * @throws BaculaException with psql's output when it fails
   */
  public static void createPostgres(
      String psql,
      String host,
      int port,
      String user,
      String password,
      String dbName,
      Path schema) {
    Map<String, String> env = Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10");
    List<String> base =
        List.of(
            psql,
            "-X",
            "-q",
            "-h",
            host,
            "-p",
            Integer.toString(port),
            "-U",
            user,
            "-d",
            dbName,
            "-v",
            "ON_ERROR_STOP=1");
    CommandResult probe =
        Command.of(
                concat(
                    base,
                    "-tAc",
                    "select count(*) from information_schema.tables where table_name = 'version'"),
                Duration.ofSeconds(30))
            .withEnv(env)
            .run()
            .requireExited();
    if (probe.exitCode() != 0) {
      throw new BaculaException(
          "cannot reach PostgreSQL database "
              + dbName
              + " at "
              + host
              + ":"
              + port
              + " as "
              + user
              + ": "
              + probe.output().strip());
    }
    if (probe.output().strip().equals("1")) {
      return;
    }
    if (!Files.isRegularFile(schema)) {
      throw new BaculaException(
          "PostgreSQL catalog schema "
              + schema
              + " not found; install the"
              + " Debian package bacula-director-pgsql");
    }
    CommandResult r =
        Command.of(concat(base, "-f", schema.toString()), Duration.ofSeconds(120))
            .withEnv(env)
            .run()
            .requireExited();
    if (r.exitCode() != 0) {
      throw new BaculaException(
          "psql could not load "
              + schema
              + " into "
              + dbName
              + " (exit code "
              + r.exitCode()
              + "): "
              + r.output().strip());
    }
  }

  private static List<String> concat(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }

  private static void giveToBacula(Path file) throws IOException {
    UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    try {
      view.setOwner(lookup.lookupPrincipalByName("bacula"));
      view.setGroup(lookup.lookupPrincipalByGroupName("bacula"));
    } catch (UserPrincipalNotFoundException e) {
      // No bacula user: the Director runs as whoever created the file (tests).
    }
  }
}
