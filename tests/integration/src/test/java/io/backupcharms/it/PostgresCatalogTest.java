package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupcharms.bacula.testing.PostgresServer;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * bacula-server with its catalog in a real PostgreSQL server, related over {@code
 * postgresql_client} through the stand-in provider charm: backups and restores work, and a wrong
 * password blocks the server with a clear message without losing the catalog.
 */
@ExtendWith(ModelExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresCatalogTest {
  private static final String APP = "pgdemo";
  private static final String UNIT = APP + "/0";
  private static final String PROVIDER = "postgresql";
  private static final String PASSWORD = "catalog-pw-5bd2";
  private static PostgresServer postgres;

  @BeforeAll
  static void deploy(JujuModel model) {
    assumeTrue(
        PostgresServer.unavailableReason().isEmpty(),
        () -> PostgresServer.unavailableReason().orElseThrow());
    postgres = PostgresServer.start("127.0.0.1");
    postgres.createRoleAndDatabase("bacula", PASSWORD, "bacula");
    model.deploy(
        Charms.postgresqlStub(),
        PROVIDER,
        1,
        Map.of(
            "endpoints",
            postgres.endpoint(),
            "username",
            "bacula",
            "password",
            PASSWORD,
            "database",
            "bacula"));
    BackupStack.deployServer(model);
    model.integrate(BackupStack.SERVER + ":database", PROVIDER + ":database");
    BackupStack.deployTarget(model, APP, 1);
    model.waitForActive(BackupStack.SETTLE, PROVIDER, BackupStack.SERVER, APP, BackupStack.fd(APP));
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void backupsAndRestoresAreCatalogedInPostgres(JujuModel model) {
    ActionResult full = BackupStack.backup(model, UNIT, "Full");
    assertTrue(full.isCompleted(), () -> "Full backup: " + full);
    String atBackup = DemoData.snapshot(model, UNIT);
    DemoData.destroy(model, UNIT);
    ActionResult restore = BackupStack.server(model, "restore", Map.of("client", UNIT));
    assertTrue(restore.isCompleted(), () -> "restore: " + restore);
    assertEquals(atBackup, DemoData.snapshot(model, UNIT));
    String jobs =
        postgres.psql("bacula", "SELECT count(*) FROM job WHERE type = 'B' AND jobstatus = 'T'");
    assertTrue(
        Integer.parseInt(jobs) >= 1, "the catalog in PostgreSQL holds the backup job: " + jobs);
  }

  @Test
  @Order(2)
  void aWrongPasswordBlocksTheServerAndTheCatalogSurvives(JujuModel model) {
    model.config(PROVIDER, Map.of("password", "not-the-password"));
    ModelStatus blocked =
        model.waitFor(
            "bacula-server blocked on the catalog password",
            BackupStack.SETTLE,
            s -> s.unitsOf(BackupStack.SERVER).stream().anyMatch(u -> u.is("blocked")));
    String message = blocked.unitsOf(BackupStack.SERVER).get(0).message();
    assertTrue(
        message.toLowerCase(Locale.ROOT).contains("password")
            || message.toLowerCase(Locale.ROOT).contains("authentication"),
        () -> "the message names the cause: " + message);

    model.config(PROVIDER, Map.of("password", PASSWORD));
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER);
    ActionResult list = BackupStack.server(model, "list-backups", Map.of("client", UNIT));
    assertTrue(
        list.isCompleted() && list.raw().contains("Full"),
        () -> "the earlier backup is still in the catalog: " + list);
    ActionResult next = BackupStack.backup(model, UNIT, "Incremental");
    assertTrue(next.isCompleted(), () -> "backups work again: " + next);
  }
}
