package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two applications with two units each, on one bacula-server: every machine is its own client,
 * backed up and restored on its own, and removing one application's relation takes only its clients
 * out of the Director's jobs (they stay listed as gone). A third application publishes the {@code
 * backup} relation itself (a shell charm, no integrator): hostile relation data blocks only its
 * File Daemon.
 */
@ExtendWith(ModelExtension.class)
@SharedServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoApplicationsTest {
  private static final List<String> ALPHA = List.of("alpha/0", "alpha/1");
  private static final List<String> BETA = List.of("beta/0", "beta/1");
  private static final String DIRECT = "direct";

  @BeforeAll
  static void deploy(JujuModel model) {
    BackupStack.deployTarget(model, "alpha", 2);
    BackupStack.deployTarget(model, "beta", 2);
    model.waitForActive(
        BackupStack.SETTLE,
        "alpha",
        "beta",
        BackupStack.fd("alpha"),
        BackupStack.fd("beta"),
        BackupStack.integrator("alpha"),
        BackupStack.integrator("beta"),
        BackupStack.SERVER);
  }

  /**
   * The shared model delays each secret grant by seconds: a File Daemon whose first read of the
   * Director's password secret was refused read it again within the same hook, and none waited for
   * update-status.
   */
  @Test
  @Order(0)
  void aFileDaemonRefusedItsSecretReadsItOnceTheGrantLands(JujuModel model) {
    Map<String, Boolean> refusedThenRead = new LinkedHashMap<>();
    for (String line : model.debugLog(200_000).split("\n")) {
      String unit = line.substring(0, Math.max(0, line.indexOf(':')));
      if (!unit.startsWith("unit-" + BackupStack.fd("alpha") + "-")
          && !unit.startsWith("unit-" + BackupStack.fd("beta") + "-")) {
        continue;
      }
      if (line.contains("cannot read the Director's password secret") && line.contains(" yet (")) {
        refusedThenRead.putIfAbsent(unit, false);
      } else if (line.contains("the Director's password secret")
          && line.contains("became readable after")) {
        refusedThenRead.put(unit, true);
      }
    }
    refusedThenRead.forEach(
        (unit, read) ->
            assertTrue(
                read, unit + " was refused its secret and never read it:\n" + model.debugLog(300)));
  }

  @Test
  @Order(1)
  void eachUnitIsBackedUpAndRestoredOnItsOwn(JujuModel model) {
    Map<String, String> atBackup = new LinkedHashMap<>();
    for (String unit : concat(ALPHA, BETA)) {
      DemoData.change(model, unit, unit.replace('/', '-'));
      ActionResult full = BackupStack.backup(model, unit, "Full");
      assertTrue(full.isCompleted(), () -> "Full backup of " + unit + ": " + full);
      atBackup.put(unit, DemoData.snapshot(model, unit));
    }
    assertNotEquals(atBackup.get("alpha/0"), atBackup.get("alpha/1"), "the units' data differ");

    DemoData.destroy(model, "alpha/1");
    DemoData.change(model, "beta/0", "after-backup");
    String betaChanged = DemoData.snapshot(model, "beta/0");
    ActionResult restore = BackupStack.server(model, "restore", Map.of("client", "alpha/1"));
    assertTrue(restore.isCompleted(), () -> "restore of alpha/1: " + restore);

    assertEquals(atBackup.get("alpha/1"), DemoData.snapshot(model, "alpha/1"), "alpha/1 is back");
    assertEquals(atBackup.get("alpha/0"), DemoData.snapshot(model, "alpha/0"), "alpha/0 untouched");
    assertEquals(
        betaChanged, DemoData.snapshot(model, "beta/0"), "beta/0 untouched by alpha's restore");
  }

  @Test
  @Order(2)
  void removingOneApplicationsRelationLeavesOnlyItsClientsGone(JujuModel model) {
    model.removeRelation(
        BackupStack.fd("beta") + ":bacula-dir", BackupStack.SERVER + ":bacula-dir");
    model.waitFor(
        "beta's File Daemons waiting for bacula-dir",
        BackupStack.SETTLE,
        s ->
            s.unitsOf(BackupStack.fd("beta")).stream()
                    .allMatch(u -> u.message().contains("bacula-dir"))
                && s.unitsOf(BackupStack.SERVER).stream()
                    .allMatch(u -> u.is("active") && u.agent().equals("idle")));
    ActionResult clients = BackupStack.server(model, "list-clients", Map.of());
    assertTrue(clients.isCompleted(), () -> "list-clients: " + clients);
    assertEquals(
        "active",
        clients.result("clients.alpha-0.state"),
        () -> "alpha's clients remain: " + clients.raw());
    // Beta's clients leave the Director's jobs but stay known, so their backups can be restored.
    for (String unit : List.of("beta-0", "beta-1")) {
      assertEquals(
          "gone",
          clients.result("clients." + unit + ".state"),
          () -> "beta's clients are listed as gone: " + clients.raw());
    }

    ActionResult alpha = BackupStack.backup(model, "alpha/0", "Incremental");
    assertTrue(alpha.isCompleted(), () -> "alpha still backs up: " + alpha);
    ActionResult beta = BackupStack.backup(model, "beta/0", "Incremental");
    assertFalse(beta.isCompleted(), () -> "beta is no longer a client: " + beta);
    assertFalse(beta.message().isBlank(), () -> "the failure names the problem: " + beta);
  }

  @Test
  @Order(3)
  void aShellCharmPublishingHostileDataBlocksOnlyItsOwnFileDaemon(JujuModel model) {
    model.deploy(Charms.demoApp(), DIRECT, 1, Map.of("fileset", "srv/demo/files"));
    model.deploy(Charms.baculaFd(), BackupStack.fd(DIRECT), 1, Map.of());
    model.integrate(DIRECT + ":juju-info", BackupStack.fd(DIRECT) + ":juju-info");
    model.integrate(DIRECT + ":backup", BackupStack.fd(DIRECT) + ":backup");
    model.integrate(BackupStack.fd(DIRECT) + ":bacula-dir", BackupStack.SERVER + ":bacula-dir");
    model.waitFor(
        "direct's File Daemon blocked on the relative path",
        BackupStack.SETTLE,
        s ->
            s.unitsOf(BackupStack.fd(DIRECT)).stream()
                .anyMatch(
                    u ->
                        u.is("blocked")
                            && u.message().startsWith("invalid backup relation data:")
                            && u.message().contains("relative")));
    ActionResult alpha = BackupStack.backup(model, "alpha/0", "Incremental");
    assertTrue(alpha.isCompleted(), () -> "other clients keep working: " + alpha);

    model.config(DIRECT, Map.of("fileset", ""));
    model.waitForActive(BackupStack.SETTLE, DIRECT, BackupStack.fd(DIRECT), BackupStack.SERVER);
    String before = DemoData.snapshot(model, DIRECT + "/0");
    ActionResult full =
        model.run(
            BackupStack.SERVER + "/leader",
            "run-backup",
            Map.of("client", DIRECT + "/0", "level", "Full"),
            Duration.ofMinutes(5));
    assertTrue(
        full.isCompleted(), () -> "a charm that provides backup itself is backed up: " + full);
    DemoData.destroy(model, DIRECT + "/0");
    ActionResult restore = BackupStack.server(model, "restore", Map.of("client", DIRECT + "/0"));
    assertTrue(restore.isCompleted(), () -> "restore: " + restore);
    assertEquals(
        before,
        DemoData.snapshot(model, DIRECT + "/0"),
        "the shell charm's own dump and load scripts ran around the backup and the restore");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
