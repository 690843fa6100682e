package io.backupcharms.it.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.it.ActionResult;
import io.backupcharms.it.BackupStack;
import io.backupcharms.it.JujuModel;
import io.backupcharms.it.ModelExtension;
import io.backupcharms.it.Processes;
import io.backupcharms.it.PyBackup;
import io.backupcharms.it.SharedServer;
import io.backupcharms.it.UnitStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A charm in Python 3 (tests/charms/adversarial/py-backup) speaks the {@code backup} interface by
 * its documented keys, with no integrator, and publishes a tree of awkward file names: spaces,
 * newlines, tabs, quotes, backslashes, leading dashes, non-UTF-8 bytes, 255-byte names, shell
 * syntax, globs, symlinks (dangling too), hard links, empty directories, a FIFO, set-uid modes, and
 * a fileset path with a space and unicode. Backup, delete, restore: the tree is the same.
 */
@ExtendWith(ModelExtension.class)
@SharedServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PythonCharmAwkwardNamesTest {
  static final String APP = "py";
  static final String FD = BackupStack.fd(APP);
  static final String UNIT = APP + "/0";
  static final String SNAPSHOT =
      "./tree snapshot /srv/awkward; ./tree snapshot '/srv/space dir ünï'";

  @BeforeAll
  static void deploy(JujuModel model) {
    PyBackup.deployClient(model, APP);
    model.waitForActive(BackupStack.SETTLE, APP, FD, BackupStack.SERVER);
  }

  @Test
  @Order(1)
  void awkwardNamesComeBackExactlyAfterDeleteAndRestore(JujuModel model) {
    String before = model.sh(UNIT, SNAPSHOT);
    assertTrue(before.contains("new\\nline") && before.contains("\"entries\": 47"), before);

    ActionResult backup = BackupStack.backup(model, UNIT, "Full");
    assertTrue(
        backup.isCompleted() && backup.result("status").equals("success"),
        () -> "Full backup: " + backup.raw());
    assertTrue(
        model.sh(UNIT, "cat /var/lib/py-backup/scripts.log").contains("before-backup"),
        "the Python charm's run-before-backup script ran on its machine");

    model.sh(UNIT, "rm -rf /srv/awkward '/srv/space dir ünï'");
    ActionResult restore = BackupStack.restore(model, UNIT);
    assertTrue(
        restore.isCompleted() && restore.result("status").equals("success"),
        () -> "restore: " + restore.raw());
    assertTrue(
        model.sh(UNIT, "cat /var/lib/py-backup/scripts.log").contains("after-restore"),
        "the Python charm's run-after-restore script ran");
    assertEquals(
        before,
        model.sh(UNIT, SNAPSHOT),
        "every name, type, mode, owner, checksum, mtime, link target and hard link is restored");
  }

  @Test
  @Order(2)
  void removedScriptKeysAndEmptyStringsMeanNoScript(JujuModel model) {
    // Publish only the fileset; the scripts published before are deleted, one by an empty string.
    PyBackup.publish(model, APP, Map.of("fileset", "/srv/awkward/", "run-before-backup", ""));
    UnitStatus fd = model.status().first(FD);
    assertEquals(
        "active",
        fd.workload(),
        () -> "a fileset with a trailing slash and no scripts is valid: " + fd);
    model.sh(UNIT, "rm -f /var/lib/py-backup/scripts.log");
    ActionResult backup = BackupStack.backup(model, UNIT, "Full");
    assertTrue(backup.isCompleted(), () -> "backup without scripts: " + backup.raw());
    assertTrue(
        model.exec(UNIT, "test -e /var/lib/py-backup/scripts.log").exitCode() != 0,
        "the withdrawn run-before-backup script no longer runs");
  }

  @Test
  @Order(3)
  void relationRemovedAndAddedAgainKeepsOldBackupsRestorable(JujuModel model) {
    model.removeRelation(APP + ":backup", FD + ":backup");
    model.settle(BackupStack.SETTLE);
    UnitStatus fd = model.status().first(FD);
    assertTrue(
        fd.workload().equals("waiting") && fd.message().contains("backup relation"),
        () -> "without the backup relation the File Daemon says what to relate: " + fd);

    model.integrate(APP + ":backup", FD + ":backup");
    model.settle(BackupStack.SETTLE);
    model.waitForActive(BackupStack.SETTLE, FD, BackupStack.SERVER);
    String before = model.sh(UNIT, SNAPSHOT);
    model.sh(UNIT, "rm -rf /srv/awkward");
    ActionResult restore = BackupStack.restore(model, UNIT);
    assertTrue(
        restore.isCompleted(),
        () -> "restore of a backup made before the relation was re-added: " + restore.raw());
    assertEquals(before, model.sh(UNIT, SNAPSHOT), "the tree is back after the relation came back");
  }

  @Test
  @Order(4)
  void restoreIntoAnotherDirectoryKeepsTheAwkwardNames(JujuModel model) {
    ActionResult restore =
        BackupStack.server(model, "restore", Map.of("client", UNIT, "where", "/srv/restored-here"));
    assertTrue(restore.isCompleted(), () -> "restore with where: " + restore.raw());
    assertEquals(
        model.sh(UNIT, "./tree snapshot /srv/awkward"),
        model.sh(UNIT, "./tree snapshot /srv/restored-here/srv/awkward"),
        "the tree restored elsewhere is the same tree");
  }

  @Test
  @Order(5)
  void hostileActionParametersFailWithAReasonAndRunNothing(JujuModel model) {
    String jobsBefore = BackupStack.server(model, "list-backups", Map.of()).result("count");
    // Each entry: the parameter the refusal must name, and the action's parameters.
    List<Map.Entry<String, Map<String, String>>> hostile =
        List.of(
            Map.entry("client", Map.of("client", UNIT + " jobid=1")),
            Map.entry("client", Map.of("client", "py-fd/0; touch /srv/pwned-action")),
            Map.entry("where", Map.of("client", UNIT, "where", "/srv/x yes")),
            Map.entry("where", Map.of("client", UNIT, "where", "/srv/../etc")),
            Map.entry("where", Map.of("client", UNIT, "where", "srv/relative")),
            Map.entry("where", Map.of("client", UNIT, "where", "/srv/\"q\"")),
            Map.entry("backup-id", Map.of("client", UNIT, "backup-id", "1 or 1=1")),
            Map.entry("backup-id", Map.of("client", UNIT, "backup-id", "-1")),
            Map.entry("backup-id", Map.of("client", UNIT, "backup-id", "999999999999999999999")),
            Map.entry("replace", Map.of("client", UNIT, "replace", "always yes")));
    for (Map.Entry<String, Map<String, String>> h : hostile) {
      Processes.Result r = BackupStack.serverRaw(model, "restore", h.getValue());
      String out = r.stdout() + r.stderr();
      assertTrue(
          r.exitCode() != 0 && out.contains(h.getKey()),
          () -> "restore " + h.getValue() + " is refused naming " + h.getKey() + ": " + out);
    }
    Processes.Result level =
        BackupStack.serverRaw(model, "run-backup", Map.of("client", UNIT, "level", "Full\nyes"));
    assertTrue(
        level.exitCode() != 0 && (level.stdout() + level.stderr()).contains("level"),
        () -> "run-backup with a hostile level is refused: " + level);
    Processes.Result limit = BackupStack.serverRaw(model, "list-backups", Map.of("limit", "0"));
    assertTrue(
        limit.exitCode() != 0 && (limit.stdout() + limit.stderr()).contains("limit"),
        () -> "list-backups limit=0 is refused: " + limit);
    assertEquals(
        jobsBefore,
        BackupStack.server(model, "list-backups", Map.of()).result("count"),
        "no job ran for any refused action");
    assertEquals(
        "",
        model.sh(UNIT, "ls -d /srv/x* /srv/pwned* /etc/srv 2>/dev/null; true").strip(),
        "nothing was restored or created anywhere");
  }
}
