package io.backupcharms.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.server.workload.CommandResult;
import io.backupcharms.server.workload.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The credential check against a real PostgreSQL 15 server on a loopback address of its own. */
class PostgresCheckTest {

  static final String BIN = "/usr/lib/postgresql/15/bin/";
  static Path dir;
  static String host;
  static final int PORT = 5432;

  @BeforeAll
  static void startPostgres() throws Exception {
    dir = Files.createTempDirectory("bacula-server-pg");
    host = "127." + ThreadLocalRandom.current().nextInt(100, 250) + "."
        + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(2, 250);
    Files.writeString(dir.resolve("pw"), "admin-pw\n");
    sh("chown -R postgres:postgres " + dir);
    asPostgres(BIN + "initdb -D " + dir.resolve("data") + " -U postgres --pwfile=" + dir.resolve("pw")
        + " -A scram-sha-256 -E UTF8");
    asPostgres(BIN + "pg_ctl -D " + dir.resolve("data") + " -l " + dir.resolve("log") + " -w -t 30"
        + " -o '-c listen_addresses=" + host + " -p " + PORT + " -k " + dir + "' start");
    psqlAdmin("CREATE ROLE bacula LOGIN PASSWORD 'right-pw'");
    psqlAdmin("CREATE DATABASE bacula OWNER bacula");
  }

  @AfterAll
  static void stopPostgres() {
    if (dir != null) {
      Commands.run(
          List.of("runuser", "-u", "postgres", "--", BIN + "pg_ctl", "-D", dir.resolve("data").toString(),
              "-m", "immediate", "-w", "stop"),
          Duration.ofSeconds(30));
      Commands.run(List.of("rm", "-rf", dir.toString()), Duration.ofSeconds(30));
    }
  }

  @Test
  void aWrongPasswordIsNamedWithWhatToDo() {
    var e =
        assertThrows(
            CatalogProblem.class,
            () -> PostgresCheck.check(new Catalog.Postgres(host, PORT, "bacula", "bacula", "wrong-pw")));
    assertEquals(
        "PostgreSQL at " + host + ":5432 rejected the password of user bacula; the database"
            + " relation's credentials are wrong: fix them on the database side or re-create the"
            + " relation",
        e.getMessage());
    assertFalse(e.getMessage().contains("wrong-pw"));
  }

  @Test
  void theRightPasswordConnectsAndSeesNoSchemaYet() {
    assertFalse(PostgresCheck.check(new Catalog.Postgres(host, PORT, "bacula", "bacula", "right-pw")));
  }

  @Test
  void aMissingDatabaseIsNamed() {
    var e =
        assertThrows(
            CatalogProblem.class,
            () -> PostgresCheck.check(new Catalog.Postgres(host, PORT, "nodb", "bacula", "right-pw")));
    assertTrue(e.getMessage().contains("has no database or user for bacula@" + host + ":5432/nodb"), e.getMessage());
  }

  @Test
  void nothingListeningIsUnreachable() {
    var e =
        assertThrows(
            CatalogProblem.class,
            () -> PostgresCheck.check(new Catalog.Postgres(host, 1, "bacula", "bacula", "right-pw")));
    assertTrue(e.getMessage().startsWith("cannot reach PostgreSQL at " + host + ":1"), e.getMessage());
  }

  private static void psqlAdmin(String sql) {
    CommandResult r =
        Commands.run(
            List.of("psql", "-X", "-w", "-h", host, "-p", Integer.toString(PORT), "-U", "postgres",
                "-d", "postgres", "-c", sql),
            Map.of("PGPASSWORD", "admin-pw"), null, Duration.ofSeconds(30));
    assertTrue(r.isSuccess(), r.output());
  }

  private static void asPostgres(String command) {
    sh("cd " + dir + " && runuser -u postgres -- sh -c \"" + command.replace("\"", "\\\"") + "\"");
  }

  private static void sh(String command) {
    CommandResult r = Commands.run(List.of("sh", "-c", command), Duration.ofSeconds(60));
    assertTrue(r.isSuccess(), command + ": " + r.output());
  }
}
