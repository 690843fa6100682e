package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security, TLS: certificates from a {@code tls-certificates} provider (the tls-provider test
 * charm, in Python, signing with openssl as self-signed-certificates does) replace the deployment's
 * own on every daemon; backups and restores run over them; and a renewal of every certificate while
 * a backup runs loses no backup.
 */
@ExtendWith(ModelExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvidedCertificatesTest {
  private static final String APP = "tlsapp";
  private static final String UNIT = APP + "/0";
  private static final String CA = "tls-provider";
  private static final String FD_CERT =
      "grep -o '/etc/bacula/fd-tls/fd-[0-9a-f]*\\.pem' /etc/bacula/bacula-fd.conf | head -1";
  private static final String SERVER_CERT =
      "grep -o '/etc/bacula/tls/server-[0-9a-f]*\\.pem' /etc/bacula/bacula-sd.conf | head -1";

  @BeforeAll
  static void deploy(JujuModel model) {
    BackupStack.deployServer(model);
    BackupStack.deployTarget(model, APP, 1);
    model.deploy(Charms.tlsProvider(), CA, 1, Map.of());
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER, APP, BackupStack.fd(APP), CA);
  }

  /** The issuer of the certificate file {@code locate} prints, on {@code unit}'s machine. */
  private static String issuer(JujuModel model, String unit, String locate) {
    return model.sh(unit, "openssl x509 -noout -issuer -in \"$(" + locate + ")\"").strip();
  }

  private static String fdIssuer(JujuModel model) {
    return issuer(model, BackupStack.fd(APP) + "/0", FD_CERT);
  }

  private static String serverIssuer(JujuModel model) {
    return issuer(model, BackupStack.SERVER + "/leader", SERVER_CERT);
  }

  /** Fires update-status until {@code done}, as Juju does every 5 minutes. */
  private static void nudgeUntil(JujuModel model, String what, Supplier<Boolean> done) {
    Instant deadline = Instant.now().plus(BackupStack.SETTLE);
    while (!done.get()) {
      assertTrue(
          Instant.now().isBefore(deadline),
          () -> "timed out waiting: " + what + "\n" + model.debugLog(80));
      model.updateStatus(BackupStack.SERVER, BackupStack.fd(APP));
      model.settle(BackupStack.SETTLE);
    }
  }

  @Test
  @Order(1)
  void everyDaemonMovesToTheProvidersCertificatesAndBacksUpOverThem(JujuModel model) {
    assertTrue(
        fdIssuer(model).contains("bacula-server"),
        () -> "the own authority first: " + fdIssuer(model));
    model.integrate(BackupStack.SERVER + ":certificates", CA + ":certificates");
    nudgeUntil(
        model,
        "the File Daemon and the Storage Daemon present the provider's certificates",
        () ->
            fdIssuer(model).contains("tls-provider test CA")
                && serverIssuer(model).contains("tls-provider test CA"));
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER, BackupStack.fd(APP));

    DemoData.change(model, UNIT, "over-provided-tls");
    ActionResult full = BackupStack.backup(model, UNIT, "Full");
    assertTrue(full.isCompleted(), () -> "backup over the provider's certificates: " + full);
    String backedUp = DemoData.snapshot(model, UNIT);
    DemoData.destroy(model, UNIT);
    ActionResult restore = BackupStack.restore(model, UNIT);
    assertTrue(restore.isCompleted(), restore::toString);
    assertEquals(
        backedUp, DemoData.snapshot(model, UNIT), "restored over the provider's certificates");
  }

  @Test
  @Order(2)
  void aRenewalOfEveryCertificateWhileAScheduledBackupRunsLosesNoBackup(JujuModel model)
      throws Exception {
    String fdBefore = model.sh(BackupStack.fd(APP) + "/0", FD_CERT).strip();
    String serverBefore = model.sh(BackupStack.SERVER + "/leader", SERVER_CERT).strip();
    // A scheduled backup (an action would hold the server's hooks back, as on Juju) that takes a
    // while: its run-before script marks that it runs, then waits before it dumps.
    model.config(
        BackupStack.integrator(APP),
        Map.of(
            "run-before-backup",
            BackupStack.DUMP_SCRIPT.replace(
                "set -eu\n",
                "set -eu\ntouch /srv/demo/job-running\nsleep 30\nrm -f /srv/demo/job-running\n")));
    DemoData.change(model, UNIT, "during-renewal");
    // In the Director's clock and time zone, those of the server's machine.
    String at = model.sh(BackupStack.SERVER + "/leader", "date -d '+2 min' +%H:%M").strip();
    model.config(BackupStack.fd(APP), Map.of("schedule", "Level=Incremental daily at " + at));
    model.settle(BackupStack.SETTLE);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (!running(model)) {
      assertTrue(
          Instant.now().isBefore(deadline), () -> "the scheduled job did not start at " + at);
      Thread.sleep(1_000);
    }
    model.config(CA, Map.of("generation", "2"));
    // The renewed certificates reach both sides while the job runs, and wait for it there.
    boolean fdWaited = false;
    boolean serverWaited = false;
    while (running(model)) {
      ModelStatus now = model.status();
      fdWaited |= now.first(BackupStack.fd(APP)).message().contains("waits for 1 running job");
      serverWaited |= now.first(BackupStack.SERVER).message().contains("waits for 1 running job");
      Thread.sleep(1_000);
    }
    assertTrue(fdWaited, "the File Daemon put its restart off while the job ran");
    assertTrue(serverWaited, "the Storage Daemon's restart was put off while the job ran");
    model.config(BackupStack.fd(APP), Map.of("schedule", ""));
    model.config(BackupStack.integrator(APP), Map.of("run-before-backup", BackupStack.DUMP_SCRIPT));
    String backedUp = DemoData.snapshot(model, UNIT);

    nudgeUntil(
        model,
        "both sides present their renewed certificates",
        () ->
            !model.sh(BackupStack.fd(APP) + "/0", FD_CERT).strip().equals(fdBefore)
                && !model
                    .sh(BackupStack.SERVER + "/leader", SERVER_CERT)
                    .strip()
                    .equals(serverBefore));
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER, BackupStack.fd(APP), APP);
    ActionResult list =
        BackupStack.server(model, "list-backups", Map.of("client", UNIT, "limit", "1"));
    JsonNode last = list.results().path("backups").elements().next();
    assertEquals("Incremental", last.path("level").asText(), list::raw);
    assertEquals(
        "T",
        last.path("job-status").asText(),
        () -> "the scheduled backup that ran during the renewal: " + list.raw());

    ActionResult after = BackupStack.backup(model, UNIT, "Incremental");
    assertTrue(after.isCompleted(), () -> "a backup over the renewed certificates: " + after);
    DemoData.destroy(model, UNIT);
    ActionResult restore = BackupStack.restore(model, UNIT);
    assertTrue(restore.isCompleted(), restore::toString);
    assertEquals(
        backedUp,
        DemoData.snapshot(model, UNIT),
        "the backups taken during and after the renewal restore");
  }

  private static boolean running(JujuModel model) {
    return model
        .sh(UNIT, "test -e /srv/demo/job-running && echo yes || true")
        .strip()
        .equals("yes");
  }
}
