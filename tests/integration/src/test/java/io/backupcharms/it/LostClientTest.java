package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A lost machine, on real Bacula: the demo application runs two units; myapp/0 is backed up, then
 * removed with its machine. It stays listed as gone, and its backup is restored onto myapp/1 (the
 * target's restore scripts load the database dump), onto another application's unit only when the
 * operator says so, and in part with {@code paths=}. Last, the how-to guide
 * docs/how-to/recover-lost-machine.md runs as written: a new unit replaces the lost one and gets
 * its data. The tests share one model and run in order.
 */
@ExtendWith(ModelExtension.class)
@SharedServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LostClientTest {
  private static final String APP = "myapp";
  private static final String OTHER = "other";
  private static final DocSteps HOW_TO = DocSteps.of("how-to/recover-lost-machine.md");

  /**
   * myapp-0's entry in list-clients as printed, its lines indented deeper, with {@code state:
   * gone}.
   */
  private static final Pattern GONE_IN_PRINT =
      Pattern.compile("^( *)myapp-0:\\R(?:\\1 +.*\\R)*?\\1 +state: gone$", Pattern.MULTILINE);

  private static String atBackup;

  @BeforeAll
  static void deployAndBackUp(JujuModel model) {
    BackupStack.deployTarget(model, APP, 2);
    BackupStack.deployTarget(model, OTHER, 1);
    model.waitForActive(
        BackupStack.SETTLE,
        APP,
        OTHER,
        BackupStack.fd(APP),
        BackupStack.fd(OTHER),
        BackupStack.integrator(APP),
        BackupStack.integrator(OTHER),
        BackupStack.SERVER);
    DemoData.change(model, APP + "/0", "lost");
    ActionResult full = BackupStack.backup(model, APP + "/0", "Full");
    assertTrue(full.isCompleted(), () -> "Full backup of myapp/0: " + full);
    atBackup = DemoData.snapshot(model, APP + "/0");
    // other/0's own dump must exist: its run-after-restore script loads it after any restore.
    ActionResult other = BackupStack.backup(model, OTHER + "/0", "Full");
    assertTrue(other.isCompleted(), () -> "Full backup of other/0: " + other);
  }

  /** Runs one step of the how-to exactly as printed; returns what its commands printed. */
  private static String step(JujuModel model, String name) {
    StringBuilder out = new StringBuilder();
    for (String command : HOW_TO.commands(name)) {
      out.append(model.typed(command, BackupStack.JOB.plusMinutes(1)));
    }
    return out.toString();
  }

  @Test
  @Order(1)
  void theRemovedUnitsClientIsListedAsGone(JujuModel model) {
    step(model, "lost-machine-remove-unit");
    model.waitFor(
        "myapp/0 and its machine gone, the server idle",
        BackupStack.SETTLE,
        s ->
            s.unit(APP + "/0").isEmpty()
                && s.unitsOf(BackupStack.fd(APP)).size() == 1
                && s.unitsOf(BackupStack.SERVER).stream()
                    .allMatch(u -> u.is("active") && u.agent().equals("idle")));
    String printed = step(model, "lost-machine-list-clients");
    // Other classes' clients may be listed too: the page's myapp-0 must be there, and gone.
    assertTrue(
        GONE_IN_PRINT.matcher(printed).find(),
        () -> "the how-to's list-clients shows myapp-0 gone:\n" + printed);
    ActionResult clients = BackupStack.server(model, "list-clients", Map.of());
    assertEquals("gone", clients.result("clients.myapp-0.state"), clients::raw);
    assertEquals("myapp", clients.result("clients.myapp-0.application"), clients::raw);
    assertEquals("Full", clients.result("clients.myapp-0.last-good-backup.level"), clients::raw);
    assertEquals("active", clients.result("clients.myapp-1.state"), clients::raw);
    ActionResult backups = BackupStack.server(model, "list-backups", Map.of("client", APP + "/0"));
    assertEquals("1", backups.result("count"), backups::raw);
  }

  @Test
  @Order(2)
  void itsBackupIsRestoredOntoTheOtherUnitWithTheTargetsScripts(JujuModel model) {
    ActionResult restore =
        BackupStack.server(model, "restore", Map.of("client", APP + "/0", "target", APP + "/1"));
    assertTrue(restore.isCompleted(), () -> "restore onto myapp/1: " + restore);
    assertEquals("myapp/0", restore.result("client"), restore::raw);
    assertEquals("myapp/1", restore.result("target"), restore::raw);
    // The database rows come back only through the target's run-after-restore, which loads the
    // dump.
    assertEquals(
        atBackup,
        DemoData.snapshot(model, APP + "/1"),
        "myapp/1 has myapp/0's files, checksums and database rows of the backup");
  }

  @Test
  @Order(3)
  void aTargetOfAnotherApplicationNeedsTheOperatorsFlag(JujuModel model) {
    String otherBefore = DemoData.snapshot(model, OTHER + "/0");
    ActionResult refused =
        BackupStack.server(
            model,
            "restore",
            Map.of(
                "client",
                APP + "/0",
                "target",
                OTHER + "/0",
                "where",
                "/srv/restored-from-myapp-0"));
    assertFalse(refused.isCompleted(), () -> "another application's unit is refused: " + refused);
    assertTrue(refused.message().contains("allow-other-application=true"), refused::toString);
    assertFalse(
        model.exec(OTHER + "/0", "test -e /srv/restored-from-myapp-0").isSuccess(), "nothing ran");

    ActionResult allowed =
        BackupStack.server(
            model,
            "restore",
            Map.of(
                "client",
                APP + "/0",
                "target",
                OTHER + "/0",
                "where",
                "/srv/restored-from-myapp-0",
                "allow-other-application",
                "true"));
    assertTrue(allowed.isCompleted(), () -> "with the flag: " + allowed);
    assertEquals(
        "hello from myapp/0\nchanged lost\n",
        model.sh(OTHER + "/0", "cat /srv/restored-from-myapp-0/srv/demo/files/hello.txt"));
    assertEquals(
        otherBefore, DemoData.snapshot(model, OTHER + "/0"), "other/0's own data untouched");
  }

  @Test
  @Order(4)
  void pathsRestoreExactlyThoseFilesAndAnUnknownPathRunsNothing(JujuModel model) {
    ActionResult some =
        BackupStack.server(
            model,
            "restore",
            Map.of(
                "client",
                APP + "/0",
                "target",
                APP + "/1",
                "where",
                "/srv/restored-some",
                "paths",
                "/srv/demo/files/hello.txt,/srv/demo/files/nested/deeper"));
    assertTrue(some.isCompleted(), () -> "restore of two paths: " + some);
    assertEquals(
        List.of("hello.txt", "nested", "nested/deeper", "nested/deeper/leaf.txt"),
        List.of(
            model
                .sh(
                    APP + "/1",
                    "cd /srv/restored-some/srv/demo/files && find . -mindepth 1 | sed 's|^./||'"
                        + " | LC_ALL=C sort")
                .strip()
                .split("\n")),
        "only the two paths (and the parent directory of one)");
    assertFalse(
        model.exec(APP + "/1", "test -e /srv/restored-some/srv/demo/dump").isSuccess(),
        "nothing else");

    ActionResult unknown =
        BackupStack.server(
            model,
            "restore",
            Map.of(
                "client",
                APP + "/0",
                "target",
                APP + "/1",
                "where",
                "/srv/restored-never",
                "paths",
                "/srv/demo/files/hello.txt,/srv/demo/files/nope"));
    assertFalse(unknown.isCompleted(), () -> "an unknown path fails: " + unknown);
    assertTrue(
        unknown.message().startsWith("path /srv/demo/files/nope is not in backup "),
        unknown::toString);
    assertFalse(model.exec(APP + "/1", "test -e /srv/restored-never").isSuccess(), "nothing ran");
  }

  @Test
  @Order(5)
  void theHowToReplacesTheLostUnitAsWritten(JujuModel model) {
    step(model, "lost-machine-add-unit");
    model.waitFor(
        "myapp/2 and its subordinates active, the server idle",
        BackupStack.SETTLE,
        s ->
            s.unit(APP + "/2").map(u -> u.is("active")).orElse(false)
                && s.subordinateOf(APP + "/2", BackupStack.fd(APP))
                    .map(u -> u.is("active"))
                    .orElse(false)
                && s.subordinateOf(APP + "/2", BackupStack.integrator(APP))
                    .map(u -> u.is("active"))
                    .orElse(false)
                && s.units().stream().allMatch(u -> u.agent().equals("idle"))
                && s.unitsOf(BackupStack.SERVER).stream().allMatch(u -> u.is("active")));
    String listed = step(model, "lost-machine-list-backups");
    assertTrue(listed.contains("level: Full"), () -> "the gone unit's backups:\n" + listed);
    String restored = step(model, "lost-machine-restore");
    assertTrue(restored.contains("target: myapp/2"), () -> restored);
    assertEquals(
        atBackup, DemoData.snapshot(model, APP + "/2"), "the new unit has the lost unit's data");
    step(model, "lost-machine-restore-paths");
    assertEquals(
        "hello from myapp/0\nchanged lost\n",
        model.sh(APP + "/2", "cat /srv/some-files/srv/demo/files/hello.txt"));
    assertTrue(
        model
            .exec(APP + "/2", "test -f /srv/some-files/srv/demo/files/nested/random.bin")
            .isSuccess());
    assertEquals(
        List.of(
            "lost-machine-remove-unit",
            "lost-machine-list-clients",
            "lost-machine-add-unit",
            "lost-machine-list-backups",
            "lost-machine-restore",
            "lost-machine-restore-paths"),
        HOW_TO.names(),
        "every step of the how-to ran, in the page's order");
  }
}
