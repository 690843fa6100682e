package io.backupcharms.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The credential check against a real PostgreSQL 15 server on a loopback address of its own. */
class PostgresCheckTest {

  static PostgresServer postgres;
  static String host;
  static int port;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.start("127.0.0.1");
    postgres.createRoleAndDatabase("bacula", "right-pw", "bacula");
    host = postgres.host();
    port = postgres.port();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aWrongPasswordIsNamedWithWhatToDo() {
    var e =
        assertThrows(
            CatalogProblem.class,
            () ->
                PostgresCheck.check(
                    new CatalogDatabase.Postgres(host, port, "bacula", "bacula", "wrong-pw")));
    assertEquals(
        "PostgreSQL at "
            + host
            + ":"
            + port
            + " rejected the password of user bacula; the database"
            + " relation's credentials are wrong: fix them on the database side or re-create the"
            + " relation",
        e.getMessage());
    assertFalse(e.getMessage().contains("wrong-pw"));
  }

  @Test
  void theRightPasswordConnectsAndSeesNoSchemaYet() {
    assertFalse(
        PostgresCheck.check(
            new CatalogDatabase.Postgres(host, port, "bacula", "bacula", "right-pw")));
  }

  @Test
  void aMissingDatabaseIsNamed() {
    var e =
        assertThrows(
            CatalogProblem.class,
            () ->
                PostgresCheck.check(
                    new CatalogDatabase.Postgres(host, port, "nodb", "bacula", "right-pw")));
    assertTrue(
        e.getMessage()
            .contains("has no database or user for bacula@" + host + ":" + port + "/nodb"),
        e.getMessage());
  }

  @Test
  void nothingListeningIsUnreachable() {
    var e =
        assertThrows(
            CatalogProblem.class,
            () ->
                PostgresCheck.check(
                    new CatalogDatabase.Postgres(host, 1, "bacula", "bacula", "right-pw")));
    assertTrue(
        e.getMessage().startsWith("cannot reach PostgreSQL at " + host + ":1"), e.getMessage());
  }
}
