package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's path of the docs, on real Bacula: a demo application with files and a live SQLite
 * database, backup-integrator with scripts that dump and load the database, bacula-fd and
 * bacula-server. Full, change, Incremental, lose everything, restore: the tree and the rows are
 * those of the last backup. The tests share one model and run in order.
 */
@ExtendWith(ModelExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreTest {
  private static final String APP = "demo";
  private static final String UNIT = APP + "/0";

  @BeforeAll
  static void deploy(JujuModel model) {
    BackupStack.deployStack(model, APP, 1);
  }

  @Test
  @Order(1)
  void restoreAfterLosingEverythingGivesBackTheLastBackup(JujuModel model) {
    ActionResult full = BackupStack.backup(model, UNIT, "Full");
    assertTrue(full.isCompleted(), () -> "Full backup: " + full);

    DemoData.change(model, UNIT, "one");
    ActionResult incremental = BackupStack.backup(model, UNIT, "Incremental");
    assertTrue(incremental.isCompleted(), () -> "Incremental backup: " + incremental);
    String atLastBackup = DemoData.snapshot(model, UNIT);

    DemoData.destroy(model, UNIT);
    assertFalse(model.exec(UNIT, "test -e /srv/demo/files").isSuccess(), "the files are gone");
    assertEquals(
        "0",
        model.sh(UNIT, "sqlite3 /srv/demo/db/demo.db 'SELECT count(*) FROM items'").strip(),
        "the rows are gone");

    ActionResult restore = BackupStack.server(model, "restore", Map.of("client", UNIT));
    assertTrue(restore.isCompleted(), () -> "restore: " + restore);
    assertEquals(
        atLastBackup,
        DemoData.snapshot(model, UNIT),
        "files, modes, checksums and database rows equal those at the last backup");
  }

  @Test
  @Order(2)
  void theCharmsOwnConnectionsLeaveNoSecurityAlertInBaculasLog(JujuModel model) {
    // Every action logs in to the client's File Daemon first and talks to the Director through
    // its console; done carelessly, each leaves a "Security Alert" an operator must chase.
    BackupStack.server(model, "list-clients", Map.of());
    BackupStack.server(model, "list-backups", Map.of());
    // The daemons queue such messages and hand them to the log when the next job starts.
    ActionResult flush = BackupStack.backup(model, UNIT, "Incremental");
    assertTrue(flush.isCompleted(), () -> "Incremental backup: " + flush);
    String alerts =
        model.sh(
            BackupStack.SERVER + "/0",
            "grep -a 'Security Alert' /var/log/bacula/bacula.log || true");
    assertEquals("", alerts, "Bacula's log after backups, a restore and listings");
  }

  @Test
  @Order(3)
  void theFileDaemonReportsTheLastBackupAndTheServerUsesItsSchedule(JujuModel model) {
    // A config change is an ordinary hook: the fd reads its daemon's job list and publishes it.
    model.config(BackupStack.fd(APP), Map.of("schedule", "Level=Full sun at 01:00"));
    String fdUnit = model.status().subordinateOf(UNIT, BackupStack.fd(APP)).orElseThrow().unit();
    model.waitForUnit(fdUnit, "active", "last backup success", BackupStack.SETTLE);
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER);
    ActionResult clients = BackupStack.server(model, "list-clients", Map.of());
    assertTrue(clients.isCompleted(), () -> "list-clients: " + clients);
    assertTrue(
        clients.raw().contains("Level=Full sun at 01:00"),
        () -> "the client's own schedule is listed: " + clients.raw());
  }

  @Test
  @Order(4)
  void aFailingBeforeScriptFailsTheBackupAndKeepsEarlierOnes(JujuModel model) {
    model.config(
        BackupStack.integrator(APP),
        Map.of("run-before-backup", "#!/bin/sh\necho 'database is locked' >&2\nexit 3\n"));
    model.waitForActive(BackupStack.SETTLE, BackupStack.integrator(APP), BackupStack.fd(APP));
    try {
      ActionResult failed = BackupStack.backup(model, UNIT, "Incremental");
      assertFalse(
          failed.isCompleted(), () -> "a backup whose before-script fails must fail: " + failed);
      assertFalse(failed.message().isBlank(), () -> "the failure says why: " + failed);
    } finally {
      model.config(
          BackupStack.integrator(APP), Map.of("run-before-backup", BackupStack.DUMP_SCRIPT));
      model.waitForActive(BackupStack.SETTLE, BackupStack.integrator(APP), BackupStack.fd(APP));
    }
    ActionResult list = BackupStack.server(model, "list-backups", Map.of("client", UNIT));
    assertTrue(list.isCompleted(), () -> "list-backups: " + list);
    assertTrue(
        list.raw().contains("Full"),
        () -> "the earlier Full backup is still listed: " + list.raw());
    ActionResult next = BackupStack.backup(model, UNIT, "Incremental");
    assertTrue(next.isCompleted(), () -> "with the script fixed, backups work again: " + next);
  }

  @Test
  @Order(5)
  void anUnreachableFileDaemonFailsTheBackupClearly(JujuModel model) {
    model.sh(UNIT, "systemctl stop bacula-fd");
    try {
      ActionResult failed = BackupStack.backup(model, UNIT, "Incremental");
      assertFalse(
          failed.isCompleted(), () -> "a backup of a stopped File Daemon must fail: " + failed);
      assertFalse(failed.message().isBlank(), () -> "the failure says why: " + failed);
    } finally {
      // The fd charm starts its daemon again on its next hook, such as update-status.
      model.updateStatus(BackupStack.fd(APP));
      model.waitForActive(BackupStack.SETTLE, BackupStack.fd(APP), BackupStack.SERVER);
    }
    ActionResult next = BackupStack.backup(model, UNIT, "Incremental");
    assertTrue(next.isCompleted(), () -> "the charm brought its File Daemon back: " + next);
  }

  @Test
  @Order(6)
  void killingTheStorageDaemonDuringABackupLosesNothingAndTheNextBackupWorks(JujuModel model)
      throws Exception {
    String server = BackupStack.SERVER + "/0";
    model.sh(
        UNIT, "mkdir -p /srv/demo/files/big && head -c 800M /dev/zero > /srv/demo/files/big/file");
    long volumesBefore =
        Long.parseLong(model.sh(server, "du -sb /var/lib/bacula/volumes | cut -f1").strip());
    try {
      AtomicReference<String> killed = new AtomicReference<>("not yet");
      Thread killer =
          new Thread(() -> killed.set(killStorageDaemonOnceWriting(model, server, volumesBefore)));
      killer.start();
      ActionResult interrupted = BackupStack.backup(model, UNIT, "Full");
      killer.join(Duration.ofMinutes(2).toMillis());
      assertEquals(
          "killed", killed.get(), "the Storage Daemon was killed while it wrote the backup");
      assertFalse(
          interrupted.isCompleted(),
          () -> "a backup whose Storage Daemon died must fail: " + interrupted);
      assertFalse(interrupted.message().isBlank(), () -> "the failure says why: " + interrupted);
    } finally {
      model.sh(UNIT, "rm -rf /srv/demo/files/big");
    }
    ActionResult next = BackupStack.backup(model, UNIT, "Incremental");
    assertTrue(next.isCompleted(), () -> "the next backup succeeds: " + next);
    ActionResult list = BackupStack.server(model, "list-backups", Map.of("client", UNIT));
    assertTrue(
        list.raw().contains("Full"), () -> "earlier backups are still listed: " + list.raw());
  }

  @Test
  @Order(7)
  void theServerServesItsMetricsFromASystemdServiceOnItsOpenedPort(JujuModel model)
      throws Exception {
    String server = BackupStack.SERVER + "/0";
    assertEquals(
        "active",
        model.sh(server, "systemctl is-active bacula-server-exporter.service").strip(),
        "the exporter runs under systemd, not in a hook");
    String address = model.status().first(BackupStack.SERVER).address();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String metrics =
        http.send(
                HttpRequest.newBuilder(URI.create("http://" + address + ":9625/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertTrue(
        metrics.contains("bacula_director_up 1.0"),
        () -> "the exporter reaches the Director: " + metrics);
    assertTrue(
        metrics.matches(
            "(?s).*bacula_client_last_backup_timestamp_seconds\\{client=\"[^\"]+\","
                + "level=\"Full\",unit=\""
                + UNIT
                + "\"\\} [0-9.E]+.*"),
        () -> "the Full of " + UNIT + ": " + metrics);
    assertTrue(metrics.contains("bacula_client_backup_period_seconds{client="), metrics);
  }

  @Test
  @Order(8)
  void aVerifiedBackupIsPublishedToTheApplicationAndExported(JujuModel model) throws Exception {
    ActionResult verify = BackupStack.server(model, "verify", Map.of("client", UNIT));
    assertTrue(verify.isCompleted(), () -> "verify: " + verify);
    assertEquals("success", verify.result("status"), verify::raw);
    String fdUnit = model.status().subordinateOf(UNIT, BackupStack.fd(APP)).orElseThrow().unit();
    model.updateStatus(fdUnit);
    model.settle(BackupStack.SETTLE);
    // demo-app has no backup endpoint of its own: its integrator holds the backup relation.
    String integratorUnit =
        model.status().subordinateOf(UNIT, BackupStack.integrator(APP)).orElseThrow().unit();
    String shown = model.typed("juju show-unit " + integratorUnit, Duration.ofSeconds(30));
    assertTrue(
        shown.contains("last-verify-status: success"),
        () -> "the application sees its verified backup on the backup relation: " + shown);
    String address = model.status().first(BackupStack.SERVER).address();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String metrics = "";
    while (Instant.now().isBefore(deadline)
        && !metrics.contains("bacula_client_last_verify_success{")) {
      Thread.sleep(1000);
      metrics =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://" + address + ":9625/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    }
    String exported = metrics;
    assertTrue(
        exported.matches(
            "(?s).*bacula_client_last_verify_success\\{[^}]*unit=\"" + UNIT + "\"\\} 1\\.0.*"),
        () -> "the exporter shows the good verify: " + exported);
  }

  /**
   * Waits until the Storage Daemon has written 20 MB of the running backup, then kills it with
   * SIGKILL. The machine has its own PID namespace, so pidof sees only this machine's daemon.
   */
  private static String killStorageDaemonOnceWriting(
      JujuModel model, String server, long volumesBefore) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      Processes.Result r =
          model.exec(
              server,
              "test $(du -sb /var/lib/bacula/volumes | cut -f1) -gt "
                  + (volumesBefore + 20_000_000L)
                  + " && kill -9 $(pidof bacula-sd)");
      if (r.isSuccess()) {
        return "killed";
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
    return "the volume never grew by 20 MB within a minute";
  }
}
