package io.backupcharms.it.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.it.ActionResult;
import io.backupcharms.it.BackupStack;
import io.backupcharms.it.JujuModel;
import io.backupcharms.it.ModelExtension;
import io.backupcharms.it.Processes;
import io.backupcharms.it.PyBackup;
import io.backupcharms.it.SharedServer;
import io.backupcharms.it.UnitStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile relation data from charms that are not ours: a Python charm publishing bad {@code backup}
 * data to its File Daemon, and a rogue stand-in for bacula-fd publishing bad {@code bacula_dir}
 * data to the server. Each time: the offender is blocked or left out with a message naming the
 * field, nothing it sent is ever executed, and the well-behaved client keeps backing up.
 */
@ExtendWith(ModelExtension.class)
@SharedServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRelationDataTest {
  static final String SERVER = BackupStack.SERVER;
  static final String GOOD = "good";
  static final String EVIL = "evil";
  static final String ROGUE = "rogue";
  static final String IMPOSTOR = "impostor";

  /** Every file a payload would create if anything ran it. */
  static final String MARKERS =
      "ls -d /srv/pwned* /tmp/pwned* /srv/awkward/PWNED 2>/dev/null; true";

  /**
   * The Director's own reading of its configuration (bdirjson): "job NAME" and "file PATH" lines.
   */
  static final String DIRECTOR =
      "bdirjson -c /etc/bacula/bacula-dir.conf | python3 -c 'import json,sys;"
          + " d=json.load(sys.stdin); print(\"\\n"
          + "\".join([\"job \"+r[\"Job\"][\"Name\"] for r in d if \"Job\" in r]+[\"file \"+f for r"
          + " in d if \"Fileset\" in r for i in r[\"Fileset\"].get(\"Include\",[]) for f in"
          + " i.get(\"File\",[])]))'";

  @BeforeAll
  static void deploy(JujuModel model) {
    PyBackup.deployClient(model, GOOD);
    PyBackup.deployClient(model, EVIL);
    model.waitForActive(BackupStack.SETTLE, GOOD, EVIL, GOOD + "-fd", EVIL + "-fd", SERVER);
  }

  @AfterEach
  void nothingRanAndTheGoodClientStillBacksUp(JujuModel model) {
    for (String unit : List.of(GOOD + "/0", EVIL + "/0", SERVER + "/0")) {
      assertEquals("", model.sh(unit, MARKERS).strip(), "no payload ran on the machine of " + unit);
    }
    ActionResult backup = BackupStack.backup(model, GOOD + "/0", "Full");
    assertTrue(
        backup.isCompleted() && backup.result("status").equals("success"),
        () -> "the well-behaved client still backs up: " + backup.raw());
  }

  /**
   * Publishes {@code bag} as evil's backup data and returns evil-fd's status once all hooks ran.
   */
  static UnitStatus publish(JujuModel model, Map<String, String> bag) {
    PyBackup.publish(model, EVIL, bag);
    return model.status().first(EVIL + "-fd");
  }

  static void assertBlocked(JujuModel model, Map<String, String> bag, String... words) {
    UnitStatus fd = publish(model, bag);
    assertEquals("blocked", fd.workload(), () -> "evil-fd for " + bag + ": " + fd);
    assertTrue(
        fd.message().startsWith("invalid backup relation data:"),
        () -> "evil-fd for " + bag + ": " + fd);
    for (String w : words) {
      assertTrue(
          fd.message().contains(w),
          () -> "evil-fd's message names \"" + w + "\" for " + bag + ": " + fd);
    }
    UnitStatus server = model.status().first(SERVER);
    assertFalse(server.workload().equals("error"), server::toString);
  }

  @Test
  @Order(1)
  void filesetsThatBaculaCouldMisreadBlockTheClientWithTheReason(JujuModel model) {
    assertBlocked(
        model,
        Map.of(
            "fileset",
            "srv/relative,@/etc/shadow,|/bin/sh -c touch${IFS}/srv/pwned-pipe,</etc/passwd"),
        "fileset",
        "relative");
    assertBlocked(model, Map.of("fileset", "/srv/awkward\n/etc"), "fileset", "control character");
    assertBlocked(model, Map.of("fileset", "/srv/awk\u0001ward"), "fileset", "control character");
    assertBlocked(
        model, Map.of("fileset", "/srv/awkward,/srv/awk\tward"), "fileset", "control character");
    assertBlocked(model, Map.of("fileset", "/" + "a".repeat(5000)), "fileset", "4096");
  }

  @Test
  @Order(2)
  void badScriptPathsBlockTheClientNamingTheKey(JujuModel model) {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("fileset", "/srv/awkward");
    bag.put("run-before-backup", "relative/script");
    bag.put("run-after-restore", "/usr/local/lib/py-backup/after-restore\n/bin/sh");
    assertBlocked(model, bag, "run-before-backup", "run-after-restore");
  }

  @Test
  @Order(3)
  void aMissingFilesetWaitsForDataInsteadOfBackingUpNothing(JujuModel model) {
    UnitStatus fd =
        publish(model, Map.of("run-before-backup", "/usr/local/lib/py-backup/before-backup"));
    assertFalse(fd.workload().equals("active"), () -> "no fileset, no backups: " + fd);
    assertTrue(
        fd.message().contains("backup relation"), () -> "the message says what is missing: " + fd);
    UnitStatus empty = publish(model, Map.of("fileset", ""));
    assertFalse(
        empty.workload().equals("active"), () -> "an empty fileset is no fileset: " + empty);
  }

  @Test
  @Order(4)
  void pathsWithBaculaAndShellSyntaxAreBackedUpLiterally(JujuModel model) {
    model.sh(
        EVIL + "/0",
        "mkdir -p '/srv/x\" } Job { Name = \"evil-job' '/srv/$(touch /srv/pwned-fileset)' && echo a"
            + " > '/srv/x\" } Job { Name = \"evil-job/f' && echo b > '/srv/$(touch"
            + " /srv/pwned-fileset)/g'");
    // Spaces after the commas and a trailing comma are read as Canonical's server reads them.
    UnitStatus fd =
        publish(
            model,
            Map.of(
                "fileset",
                "/srv/awkward/, /srv/x\" } Job { Name = \"evil-job,/srv/a\\\" } Job { Name ="
                    + " \\\"evil-job2,  /srv/$(touch /srv/pwned-fileset),/srv/*,",
                "x-future-key",
                "keys a newer requirer adds are ignored \" }"));
    assertEquals(
        "active",
        fd.workload(),
        () -> "these are valid absolute paths, and unknown keys are ignored: " + fd);
    model.waitForActive(BackupStack.SETTLE, SERVER);
    List<String> director = model.sh(SERVER + "/0", DIRECTOR).lines().toList();
    assertTrue(
        director.stream()
            .filter(l -> l.startsWith("job "))
            .allMatch(
                l ->
                    l.matches(
                        "job (charm-housekeeping|"
                            + "relation-[a-z0-9-]+-(backup|restore|verify|deep-verify))")),
        () -> "no Job was injected: " + director);
    for (String path :
        List.of(
            "/srv/x\" } Job { Name = \"evil-job",
            "/srv/a\\\" } Job { Name = \\\"evil-job2",
            "/srv/$(touch /srv/pwned-fileset)",
            "/srv/*",
            "/srv/awkward/")) {
      assertTrue(
          director.stream()
              .anyMatch(
                  l -> l.equals("file " + path) || l.equals("file " + path.replaceAll("/$", ""))),
          () -> "the Director reads the path " + path + " literally: " + director);
    }
    ActionResult backup = BackupStack.backup(model, EVIL + "/0", "Full");
    assertTrue(
        backup.isCompleted(),
        () -> "the literal paths are backed up (missing ones only warned about): " + backup.raw());
    model.sh(
        EVIL + "/0",
        "rm -rf '/srv/x\" } Job { Name = \"evil-job' '/srv/$(touch /srv/pwned-fileset)'");
    ActionResult restore = BackupStack.restore(model, EVIL + "/0");
    assertTrue(restore.isCompleted(), () -> "restore: " + restore.raw());
    assertEquals(
        "a\nb\n",
        model.sh(
            EVIL + "/0",
            "cat '/srv/x\" } Job { Name = \"evil-job/f' '/srv/$(touch /srv/pwned-fileset)/g'"),
        "the directories with hostile names came back");
  }

  @Test
  @Order(5)
  void aScriptPathWithSpacesRunsOrBlocksTheFileDaemon(JujuModel model) {
    model.sh(
        EVIL + "/0",
        "mkdir -p '/srv/my scripts' && printf '#!/bin/sh\\n"
            + "touch /srv/ran-spaced\\n"
            + "' > '/srv/my scripts/before backup' && chmod 755 '/srv/my scripts/before backup' &&"
            + " rm -f /srv/ran-spaced");
    try {
      UnitStatus fd =
          publish(
              model,
              Map.of(
                  "fileset", "/srv/awkward", "run-before-backup", "/srv/my scripts/before backup"));
      if (fd.workload().equals("blocked")) {
        assertTrue(
            fd.message().contains("run-before-backup"),
            () -> "the File Daemon names the key: " + fd);
        return;
      }
      // Valid by the interface's documented rules: then it must actually be backed up with its
      // script.
      ActionResult backup = BackupStack.backup(model, EVIL + "/0", "Full");
      assertTrue(
          backup.isCompleted() && backup.result("status").equals("success"),
          () ->
              "evil-fd shows "
                  + fd
                  + ", so its backup must run the script named by the whole path: "
                  + backup.raw());
      assertEquals(
          0, model.exec(EVIL + "/0", "test -e /srv/ran-spaced").exitCode(), "the script ran");
    } finally {
      publish(model, Map.of("fileset", "/srv/awkward"));
    }
  }

  @Test
  @Order(6)
  void aRogueFileDaemonWithHostileDataIsLeftOutAndNamed(JujuModel model) {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("name", "x\" } Job { Name = \"rogue-job");
    bag.put("port", "9102; touch /srv/pwned-port");
    bag.put("fileset", "|/bin/sh -c touch${IFS}/srv/pwned-rogue");
    bag.put("schedule", "Level=Full sun at 01:00\" } Job { Name = \"rogue-job2");
    bag.put("client-run-before-backup", "relative");
    PyBackup.deployRogue(model, ROGUE, bag, false);
    UnitStatus server = model.status().first(SERVER);
    assertEquals("blocked", server.workload(), server::toString);
    assertTrue(
        server.message().contains("invalid client data, client left out")
            && server.message().contains(ROGUE + "/0"),
        () -> "the server names the rogue unit: " + server);
    String director = model.sh(SERVER + "/0", DIRECTOR);
    assertFalse(
        director.contains("rogue"),
        () -> "nothing of the rogue's data reached the Director: " + director);
    assertEquals(
        "", model.sh(ROGUE + "/0", MARKERS).strip(), "no payload ran on the rogue's machine");
    ActionResult clients = BackupStack.server(model, "list-clients", Map.of());
    assertTrue(
        clients.isCompleted() && clients.raw().contains("rogue"),
        () -> "list-clients lists the rejected unit: " + clients.raw());
  }

  @Test
  @Order(7)
  void removingTheRogueRelationClearsTheBlock(JujuModel model) {
    model.removeRelation(ROGUE + ":bacula-dir", SERVER + ":bacula-dir");
    model.settle(BackupStack.SETTLE);
    UnitStatus server = model.status().first(SERVER);
    assertEquals(
        "active", server.workload(), () -> "the server recovers once the rogue is gone: " + server);
  }

  @Test
  @Order(8)
  void aRogueClaimingAClientsNameNeverReceivesThatClientsData(JujuModel model) {
    model.sh(GOOD + "/0", "echo 'good secret' > /srv/awkward/good-secret.txt");
    ActionResult full = BackupStack.backup(model, GOOD + "/0", "Full");
    assertTrue(full.isCompleted(), () -> "good's backup: " + full.raw());
    String name = full.result("client-name");
    model.removeRelation(GOOD + "-fd:bacula-dir", SERVER + ":bacula-dir");
    model.settle(BackupStack.SETTLE);
    // The rogue publishes good's (predictable) File Daemon name and runs a real File Daemon with
    // the Director password granted to its own relation.
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("name", name);
    bag.put("port", "9102");
    bag.put("fileset", "/etc");
    PyBackup.deployRogue(model, IMPOSTOR, bag, true);
    model.settle(BackupStack.SETTLE);
    // good-fd's relation was removed, so its name was free: the rogue took it. good-fd comes back
    // and is left out, naming the rogue; good's earlier backups never go onto the rogue's machine.
    model.integrate(GOOD + "-fd:bacula-dir", SERVER + ":bacula-dir");
    model.settle(BackupStack.SETTLE);
    try {
      Processes.Result restore =
          BackupStack.serverRaw(model, "restore", Map.of("client", GOOD + "/0"));
      assertTrue(
          restore.exitCode() != 0
              && (restore.stdout() + restore.stderr())
                  .contains(
                      "was published by "
                          + GOOD
                          + "-fd/0 until the relation of its application was removed"),
          () -> "restore client=good/0 is refused while the rogue holds the name: " + restore);
      assertEquals(
          "",
          model.sh(IMPOSTOR + "/0", "cat /srv/awkward/good-secret.txt 2>/dev/null; true"),
          "restore client=good/0 never writes good's files onto the rogue's machine");
      UnitStatus server = model.status().first(SERVER);
      assertTrue(
          server.message().contains(GOOD + "-fd/0")
              && server.message().contains("belongs to " + IMPOSTOR + "/0"),
          () -> "the server names the unit left out and the name's holder: " + server);
    } finally {
      model.removeRelation(IMPOSTOR + ":bacula-dir", SERVER + ":bacula-dir");
      model.settle(BackupStack.SETTLE);
    }
    // The rogue's relation is removed: good-fd gets its name back with no action.
    ActionResult clients = BackupStack.server(model, "list-clients", Map.of());
    assertEquals("active", clients.result("clients.good-0.state"), clients::raw);
    assertEquals(GOOD + "-fd/0", clients.result("clients.good-0.fd-unit"), clients::raw);
    ActionResult again = BackupStack.backup(model, GOOD + "/0", "Incremental");
    assertTrue(again.isCompleted(), () -> "good/0 backs up again: " + again.raw());
  }

  @Test
  @Order(9)
  void oneClientsBackupIsNeverRestoredToAnother(JujuModel model) {
    ActionResult good = BackupStack.backup(model, GOOD + "/0", "Full");
    String goodJob = good.result("job-id");
    assertFalse(goodJob.isEmpty(), () -> "good's backup: " + good.raw());
    Processes.Result r =
        BackupStack.serverRaw(
            model, "restore", Map.of("client", EVIL + "/0", "backup-id", goodJob));
    assertTrue(
        r.exitCode() != 0 && (r.stdout() + r.stderr()).contains(goodJob),
        () -> "good's backup " + goodJob + " is refused for evil/0, naming the job: " + r);
  }

  @Test
  @Order(10)
  void aClientNameNeverReplacesTheServersOwnResources(JujuModel model) {
    String before = model.sh(SERVER + "/0", DIRECTOR);
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("name", "charm-catalog");
    bag.put("port", "9102");
    bag.put("fileset", "/etc");
    PyBackup.deployRogue(model, "squatter", bag, false);
    try {
      String after = model.sh(SERVER + "/0", DIRECTOR);
      assertTrue(
          after.contains("file /var/lib/bacula"),
          () -> "the server's own catalog fileset survives: before " + before + " after " + after);
      UnitStatus server = model.status().first(SERVER);
      assertTrue(
          server.workload().equals("blocked") && server.message().contains("squatter/0"),
          () -> "the server refuses the reserved name, naming the unit: " + server);
    } finally {
      model.removeRelation("squatter:bacula-dir", SERVER + ":bacula-dir");
      model.settle(BackupStack.SETTLE);
    }
  }
}
