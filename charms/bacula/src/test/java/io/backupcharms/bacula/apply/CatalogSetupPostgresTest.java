package io.backupcharms.bacula.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.BaculaTools;
import io.backupcharms.bacula.host.CommandResult;
import io.backupcharms.bacula.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads a catalog schema into a real, private PostgreSQL server. Debian's Bacula PostgreSQL schema
 * cannot be installed next to the SQLite one, so a small schema with the same probe table stands
 * in.
 */
class CatalogSetupPostgresTest {
  private static final String PASSWORD = "pg secret";
  private static PostgresServer server;
  private static int port;

  @BeforeAll
  static void startPostgres() {
    Assumptions.assumeTrue(
        PostgresServer.unavailableReason().isEmpty(),
        () -> PostgresServer.unavailableReason().orElseThrow());
    server = PostgresServer.start("127.0.0.1");
    server.createRoleAndDatabase("bacula", PASSWORD, "bacula");
    port = server.port();
  }

  @AfterAll
  static void stopPostgres() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void schemaIsLoadedOnceAndAWrongPasswordIsExplained() throws Exception {
    Path schema =
        Files.writeString(
            server.directory().resolve("schema.sql"),
            "CREATE TABLE Version (VersionId INTEGER NOT NULL);\n"
                + "INSERT INTO Version VALUES (16);\n");
    CatalogSetup.createPostgres("psql", "127.0.0.1", port, "bacula", PASSWORD, "bacula", schema);
    // A second run finds the tables and loads nothing (the INSERT would otherwise duplicate).
    CatalogSetup.createPostgres("psql", "127.0.0.1", port, "bacula", PASSWORD, "bacula", schema);
    CommandResult count =
        BaculaTools.run(
            List.of(
                "sh",
                "-c",
                "PGPASSWORD='"
                    + PASSWORD
                    + "' psql -X -tA -h 127.0.0.1 -p "
                    + port
                    + " -U bacula -d bacula -c 'select count(*) from version'"));
    assertEquals("1", count.output().strip());

    BaculaException e =
        assertThrows(
            BaculaException.class,
            () ->
                CatalogSetup.createPostgres(
                    "psql", "127.0.0.1", port, "bacula", "wrong", "bacula", schema));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot reach PostgreSQL database bacula at 127.0.0.1:" + port + " as bacula"),
        e.getMessage());
    assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
  }
}
