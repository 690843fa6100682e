package io.backupcharms.server.recovery;

import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import io.backupcharms.server.catalog.CatalogDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The catalog as portable SQL text, with the backend's own tools: {@code sqlite3 .dump} and {@code
 * pg_dump --clean}, so that a load replaces whatever the new server's catalog holds. The PostgreSQL
 * password goes through the environment, never argv.
 */
public final class CatalogDump {

  private static final Duration TIMEOUT = Duration.ofHours(2);

  private CatalogDump() {}

  /** The backend's name as a copy's manifest records it. */
  public static String backend(CatalogDatabase catalog) {
    return catalog instanceof CatalogDatabase.Postgres ? "postgresql" : "sqlite3";
  }

  /** Writes the whole catalog to {@code file}. */
  public static void dump(CatalogDatabase catalog, Path file) {
    CommandResult r;
    if (catalog instanceof CatalogDatabase.Postgres p) {
      r =
          new Command(
                  List.of(
                      "pg_dump",
                      "--clean",
                      "--if-exists",
                      "--no-owner",
                      "--no-privileges",
                      "-h",
                      p.host(),
                      "-p",
                      Integer.toString(p.port()),
                      "-U",
                      p.user(),
                      "-f",
                      file.toString(),
                      p.database()),
                  env(p),
                  null,
                  TIMEOUT)
              .run();
    } else {
      CatalogDatabase.Sqlite s = (CatalogDatabase.Sqlite) catalog;
      r =
          Command.of(
                  List.of("sqlite3", "-bail", s.file().toString(), ".output " + file, ".dump"),
                  TIMEOUT)
              .run();
    }
    if (!r.isSuccess()) {
      throw new RecoveryException("cannot dump the " + backend(catalog) + " catalog: " + r.tail(3));
    }
  }

  /**
   * Replaces the catalog's content with a dump. SQLite gets a new file built beside the old one and
   * moved over it; PostgreSQL's dump drops and recreates its own tables.
   */
  public static void load(CatalogDatabase catalog, Path file) {
    CommandResult r;
    if (catalog instanceof CatalogDatabase.Postgres p) {
      r =
          new Command(
                  List.of(
                      "psql",
                      "-X",
                      "-q",
                      "-v",
                      "ON_ERROR_STOP=1",
                      "-h",
                      p.host(),
                      "-p",
                      Integer.toString(p.port()),
                      "-U",
                      p.user(),
                      "-d",
                      p.database(),
                      "-f",
                      file.toString()),
                  env(p),
                  null,
                  TIMEOUT)
              .run();
    } else {
      r = loadSqlite((CatalogDatabase.Sqlite) catalog, file);
    }
    if (!r.isSuccess()) {
      throw new RecoveryException(
          "cannot load the catalog copy into the " + backend(catalog) + " catalog: " + r.tail(3));
    }
  }

  private static CommandResult loadSqlite(CatalogDatabase.Sqlite catalog, Path dump) {
    Path fresh = catalog.file().resolveSibling(catalog.file().getFileName() + ".recovered");
    fresh.toFile().delete();
    CommandResult r =
        Command.of(List.of("sqlite3", "-bail", fresh.toString(), ".read " + dump), TIMEOUT).run();
    if (!r.isSuccess()) {
      fresh.toFile().delete();
      return r;
    }
    // The Director runs as bacula and must write its catalog; mv keeps the new file's owner.
    CommandResult own =
        Command.of(
                List.of(
                    "sh",
                    "-c",
                    "chown bacula:bacula \"$1\" 2>/dev/null; chmod 0640 \"$1\"; mv -f \"$1\""
                        + " \"$2\"",
                    "load",
                    fresh.toString(),
                    catalog.file().toString()),
                Duration.ofMinutes(1))
            .run();
    return own.isSuccess() ? r : own;
  }

  private static Map<String, String> env(CatalogDatabase.Postgres p) {
    return Map.of("PGPASSWORD", p.password(), "PGCONNECT_TIMEOUT", "10");
  }
}
