package io.backupcharms.server.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import io.backupcharms.bacula.testing.PostgresServer;
import io.backupcharms.server.catalog.CatalogDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog dumped on one server loads into another's, with Debian's real Bacula schema, for both
 * backends: what recover-catalog relies on.
 */
class CatalogDumpTest {

  private static final String PASSWORD = "right-pw";
  private static final String ROWS =
      "INSERT INTO Client (Name, Uname, AutoPrune, FileRetention, JobRetention) VALUES ('old-fd',"
          + " 'x', 1, 1, 1); INSERT INTO Job (Job, Name, Type, Level, ClientId, JobStatus,"
          + " SchedTime) VALUES ('old-backup.2026-12-01', 'old-backup', 'B', 'F', 1, 'T',"
          + " '2026-12-01 01:00:00');";

  @Test
  void anSqliteCatalogMovesToAnotherServer(@TempDir Path dir) throws Exception {
    Path oldServer = Files.createDirectories(dir.resolve("old"));
    Path newServer = Files.createDirectories(dir.resolve("new"));
    CatalogSetup.createSqlite(oldServer, CatalogDatabase.DATABASE);
    CatalogSetup.createSqlite(newServer, CatalogDatabase.DATABASE);
    CatalogDatabase.Sqlite old = new CatalogDatabase.Sqlite(oldServer);
    CatalogDatabase.Sqlite fresh = new CatalogDatabase.Sqlite(newServer);
    sqlite(old, ROWS);

    Path dump = dir.resolve("catalog.sql");
    CatalogDump.dump(old, dump);
    CatalogDump.load(fresh, dump);

    assertEquals("old-backup|T", sqlite(fresh, "SELECT Name, JobStatus FROM Job"));
    assertEquals("old-fd", sqlite(fresh, "SELECT Name FROM Client"));
    assertTrue(
        sqlite(fresh, "SELECT VersionId FROM Version").matches("\\d+"), "the schema came along");
  }

  @Test
  void aPostgresCatalogIsReplacedByTheDump(@TempDir Path dir) throws Exception {
    try (PostgresServer pg = PostgresServer.start("127.0.0.1")) {
      pg.createRoleAndDatabase("bacula", PASSWORD, "bacula");
      CatalogDatabase.Postgres catalog =
          new CatalogDatabase.Postgres(pg.host(), pg.port(), "bacula", "bacula", PASSWORD);
      CatalogSetup.createPostgres(
          "psql",
          catalog.host(),
          catalog.port(),
          catalog.user(),
          catalog.password(),
          catalog.database(),
          pgsqlSchema(dir));
      pg.psql("bacula", ROWS);
      Path dump = dir.resolve("catalog.sql");
      CatalogDump.dump(catalog, dump);
      assertTrue(!Files.readString(dump).contains(PASSWORD), "no password in the dump");

      // What a new server's catalog holds before recovery: its own, different jobs.
      pg.psql(
          "bacula",
          "DELETE FROM Job; INSERT INTO Job (Job, Name, Type, Level, JobStatus, SchedTime)"
              + " VALUES ('new.2026-12-03', 'new', 'B', 'F', 'T', '2026-12-03 01:00:00')");
      CatalogDump.load(catalog, dump);
      assertEquals("old-backup|T", pg.psql("bacula", "SELECT Name, JobStatus FROM Job"));
    }
  }

  @Test
  void aDumpThatCannotLoadFailsAndKeepsTheCatalog(@TempDir Path dir) throws Exception {
    CatalogSetup.createSqlite(dir, CatalogDatabase.DATABASE);
    CatalogDatabase.Sqlite catalog = new CatalogDatabase.Sqlite(dir);
    sqlite(catalog, ROWS);
    Path broken = Files.writeString(dir.resolve("broken.sql"), "CREATE TABLE (;\n");
    RecoveryException e =
        assertThrows(RecoveryException.class, () -> CatalogDump.load(catalog, broken));
    assertTrue(
        e.getMessage().startsWith("cannot load the catalog copy into the sqlite3 catalog"),
        e.getMessage());
    assertEquals(
        "old-backup|T",
        sqlite(catalog, "SELECT Name, JobStatus FROM Job"),
        "the catalog is intact");
  }

  /**
   * Debian's PostgreSQL schema for Bacula. Its package conflicts with the SQLite backend this
   * machine runs, so the schema comes out of the .deb that scripts/install-deps.sh caches for
   * localjuju's offline installs.
   */
  private static Path pgsqlSchema(Path dir) throws Exception {
    if (Files.isRegularFile(CatalogSetup.PGSQL_SCHEMA)) {
      return CatalogSetup.PGSQL_SCHEMA;
    }
    Path deb;
    try (var debs =
        Files.newDirectoryStream(
            Path.of("/var/cache/apt/archives"), "bacula-director-pgsql_*.deb")) {
      deb = debs.iterator().next();
    }
    Path root = Files.createDirectories(dir.resolve("deb"));
    CommandResult r =
        Command.of(
                List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Duration.ofMinutes(1))
            .run();
    assertTrue(r.isSuccess(), r.output());
    return root.resolve(CatalogSetup.PGSQL_SCHEMA.toString().substring(1));
  }

  private static String sqlite(CatalogDatabase.Sqlite catalog, String sql) {
    CommandResult r =
        Command.of(List.of("sqlite3", catalog.file().toString(), sql), Duration.ofSeconds(30))
            .run();
    assertTrue(r.isSuccess(), r.output());
    return r.output().strip();
  }
}
