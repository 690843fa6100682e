package io.backupcharms.bacula.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.BaculaTools;
import io.backupcharms.bacula.Trees;
import java.net.InetAddress;
import java.net.ServerSocket;
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
  private static final String BIN = "/usr/lib/postgresql/15/bin/";
  private static final String PASSWORD = "pg secret";
  private static Path dir;
  private static int port;

  @BeforeAll
  static void startPostgres() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of(BIN + "initdb")), "PostgreSQL 15 is not installed");
    dir = Files.createTempDirectory("pg");
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
    run("chown", "-R", "postgres", dir.toString());
    run(
        "runuser",
        "-u",
        "postgres",
        "--",
        BIN + "initdb",
        "-D",
        dir.resolve("data").toString(),
        "-U",
        "bacula",
        "--auth=scram-sha-256",
        "--pwfile=" + dir.resolve("pw"),
        "-E",
        "UTF8");
    run(
        "runuser",
        "-u",
        "postgres",
        "--",
        BIN + "pg_ctl",
        "-D",
        dir.resolve("data").toString(),
        "-w",
        "-t",
        "30",
        "-l",
        dir.resolve("log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
        "start");
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (dir != null) {
      BaculaTools.run(
          List.of(
              "runuser",
              "-u",
              "postgres",
              "--",
              BIN + "pg_ctl",
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"));
      Trees.delete(dir);
    }
  }

  private static void run(String... argv) {
    BaculaTools.Result r = BaculaTools.run(List.of(argv));
    assertEquals(0, r.exitCode(), String.join(" ", argv) + ":\n" + r.output());
  }

  @Test
  void schemaIsLoadedOnceAndAWrongPasswordIsExplained() throws Exception {
    Path schema =
        Files.writeString(
            dir.resolve("schema.sql"),
            "CREATE TABLE Version (VersionId INTEGER NOT NULL);\n"
                + "INSERT INTO Version VALUES (16);\n");
    CatalogSetup.createPostgres("psql", "127.0.0.1", port, "bacula", PASSWORD, "postgres", schema);
    // A second run finds the tables and loads nothing (the INSERT would otherwise duplicate).
    CatalogSetup.createPostgres("psql", "127.0.0.1", port, "bacula", PASSWORD, "postgres", schema);
    BaculaTools.Result count =
        BaculaTools.run(
            List.of(
                "sh",
                "-c",
                "PGPASSWORD='"
                    + PASSWORD
                    + "' psql -X -tA -h 127.0.0.1 -p "
                    + port
                    + " -U bacula -d postgres -c 'select count(*) from version'"));
    assertEquals("1", count.output().strip());

    BaculaException e =
        assertThrows(
            BaculaException.class,
            () ->
                CatalogSetup.createPostgres(
                    "psql", "127.0.0.1", port, "bacula", "wrong", "postgres", schema));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot reach PostgreSQL database postgres at 127.0.0.1:" + port + " as bacula"),
        e.getMessage());
    assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
  }
}
