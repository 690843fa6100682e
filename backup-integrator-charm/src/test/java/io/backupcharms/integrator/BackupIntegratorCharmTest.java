package io.backupcharms.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.testing.Context;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State in, event, state out: every status and databag outcome an operator can see. */
class BackupIntegratorCharmTest {
  private static final String DUMP = "#!/bin/sh\npg_dump mydb > /var/backups/mydb.sql\n";
  private static final RelationState JUJU_INFO =
      RelationState.subordinate("juju-info", 0, "myapp/0", Map.of());
  private static final RelationState BACKUP =
      RelationState.of("backup", 1, "bacula-fd").withRemoteUnit("bacula-fd/0", Map.of());

  @TempDir Path root;
  private Context ctx;
  private Path scriptDir;

  @BeforeEach
  void setUp() {
    Path charmDir = Path.of(System.getProperty("charm.project.dir", "."));
    ctx = Context.fromCharmDir(fw -> new BackupIntegratorCharm(fw, root), charmDir);
    scriptDir = root.resolve("backup-integrator");
  }

  private static State related(boolean leader, Map<String, Object> config) {
    return State.empty()
        .withLeader(leader)
        .withConfig(config)
        .withRelation(JUJU_INFO)
        .withRelation(BACKUP);
  }

  @Test
  void withoutFilesetTheUnitIsBlockedWithTheCommandToRun() {
    State out = ctx.run(ctx.on().install(), State.empty().withLeader(true).withRelation(JUJU_INFO));
    assertEquals(
        new BlockedStatus(
            "missing fileset config; set the paths to back up: juju config "
                + "backup-integrator fileset=/var/lib/myapp,/etc/myapp"),
        out.unitStatus());
  }

  @Test
  void withoutTheBackupRelationTheUnitWaitsButWritesItsScripts() throws Exception {
    State out =
        ctx.run(
            ctx.on().configChanged(),
            State.empty()
                .withLeader(true)
                .withRelation(JUJU_INFO)
                .withConfig(Map.of("fileset", "/srv", "run-before-backup", DUMP)));
    assertEquals(new WaitingStatus("waiting for backup relation"), out.unitStatus());
    assertEquals(DUMP, Files.readString(scriptDir.resolve("run-before-backup")));
  }

  @Test
  void theLeaderPublishesFilesetAndScriptPathsWithUnsetKeysAbsent() throws Exception {
    State out =
        ctx.run(
            ctx.on().relationChanged(BACKUP, "bacula-fd/0"),
            related(
                true, Map.of("fileset", "/var/lib/myapp, /etc/myapp", "run-before-backup", DUMP)));
    Path script = scriptDir.resolve("run-before-backup");
    assertEquals(
        Map.of("fileset", "/var/lib/myapp,/etc/myapp", "run-before-backup", script.toString()),
        out.relation(1).orElseThrow().localAppData());
    assertEquals(new ActiveStatus("publishing 2 paths to bacula-fd"), out.unitStatus());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
  }

  @Test
  void otherUnitsWriteTheSameScriptsAtTheSamePathAndPublishNothing() throws Exception {
    State out =
        ctx.withUnit("backup-integrator/1")
            .run(
                ctx.on().configChanged(),
                related(false, Map.of("fileset", "/srv", "run-after-restore", DUMP)));
    assertEquals(Map.of(), out.relation(1).orElseThrow().localAppData());
    assertEquals(DUMP, Files.readString(scriptDir.resolve("run-after-restore")));
    assertEquals(new ActiveStatus("publishing 1 path to bacula-fd"), out.unitStatus());
  }

  @Test
  void unsettingAScriptRemovesItsFileAndItsKey() throws Exception {
    State first =
        ctx.run(
            ctx.on().configChanged(),
            related(
                true,
                Map.of("fileset", "/srv", "run-before-backup", DUMP, "run-after-backup", DUMP)));
    State out =
        ctx.run(
            ctx.on().configChanged(),
            first.withConfig(Map.of("fileset", "/srv", "run-after-backup", DUMP)));
    assertEquals(
        Map.of(
            "fileset",
            "/srv",
            "run-after-backup",
            scriptDir.resolve("run-after-backup").toString()),
        out.relation(1).orElseThrow().localAppData());
    assertFalse(Files.exists(scriptDir.resolve("run-before-backup")));
    assertTrue(Files.exists(scriptDir.resolve("run-after-backup")));
  }

  @Test
  void invalidConfigBlocksNamingTheFieldAndKeepsWhatWasPublished() throws Exception {
    State good =
        ctx.run(
            ctx.on().configChanged(),
            related(true, Map.of("fileset", "/srv", "run-before-backup", DUMP)));
    State out =
        ctx.run(
            ctx.on().configChanged(),
            good.withConfig(Map.of("fileset", "srv/data", "run-before-backup", "echo hi")));
    assertEquals(
        new BlockedStatus(
            "invalid config: fileset path \"srv/data\" is relative; use an absolute path such as"
                + " /var/lib/myapp; run-before-backup does not start with a shebang line such as"
                + " #!/bin/sh; the File Daemon executes the script directly"),
        out.unitStatus());
    assertEquals(
        good.relation(1).orElseThrow().localAppData(),
        out.relation(1).orElseThrow().localAppData());
    assertEquals(DUMP, Files.readString(scriptDir.resolve("run-before-backup")));
  }

  @Test
  void aCommaInsideAPathIsImpossibleSoAnEmptyElementIsReported() {
    State out = ctx.run(ctx.on().configChanged(), related(true, Map.of("fileset", "/srv,")));
    assertEquals(
        new BlockedStatus(
            "invalid config: fileset has an empty path at position 2; " + "remove the extra comma"),
        out.unitStatus());
    assertEquals(Map.of(), out.relation(1).orElseThrow().localAppData());
  }

  @Test
  void activeStatusShowsTheLastBackupThisMachinesFileDaemonReported() {
    // ops-testing's network-get answers 192.0.2.10 for this unit.
    RelationState reported =
        RelationState.of("backup", 1, "bacula-fd")
            .withRemoteUnit(
                "bacula-fd/0",
                Map.of(
                    "ingress-address",
                    "192.0.2.11",
                    "last-backup-time",
                    "2026-11-20T01:00:00Z",
                    "last-backup-status",
                    "failed",
                    "last-backup-job-id",
                    "7"))
            .withRemoteUnit(
                "bacula-fd/1",
                Map.of(
                    "ingress-address",
                    "192.0.2.10",
                    "last-backup-time",
                    "2026-11-21T01:00:42Z",
                    "last-backup-status",
                    "success",
                    "last-backup-job-id",
                    "42"));
    State out =
        ctx.run(
            ctx.on().updateStatus(),
            State.empty()
                .withLeader(true)
                .withConfig(Map.of("fileset", "/srv"))
                .withRelation(JUJU_INFO)
                .withRelation(reported));
    assertEquals(
        new ActiveStatus(
            "publishing 1 path to bacula-fd; last backup success at "
                + "2026-11-21T01:00:42Z (job 42)"),
        out.unitStatus());
  }

  @Test
  void anInvalidLastBackupReportIsIgnored() {
    RelationState reported =
        RelationState.of("backup", 1, "bacula-fd")
            .withRemoteUnit(
                "bacula-fd/0",
                Map.of("ingress-address", "192.0.2.10", "last-backup-status", "success"));
    State out =
        ctx.run(
            ctx.on().updateStatus(),
            State.empty()
                .withLeader(true)
                .withConfig(Map.of("fileset", "/srv"))
                .withRelation(JUJU_INFO)
                .withRelation(reported));
    assertEquals(new ActiveStatus("publishing 1 path to bacula-fd"), out.unitStatus());
  }

  @Test
  void whenTheRelationIsBrokenTheUnitWaitsAgain() {
    State out = ctx.run(ctx.on().relationBroken(BACKUP), related(true, Map.of("fileset", "/srv")));
    assertEquals(new WaitingStatus("waiting for backup relation"), out.unitStatus());
  }

  @Test
  void reconcileIsIdempotentAcrossHooks() {
    State once =
        ctx.run(
            ctx.on().configChanged(),
            related(true, Map.of("fileset", "/srv", "run-before-restore", DUMP)));
    State twice = ctx.run(ctx.on().updateStatus(), once);
    assertEquals(once.relation(1), twice.relation(1));
    assertEquals(once.unitStatus(), twice.unitStatus());
  }

  @Test
  void removingTheUnitRemovesItsScripts() {
    State configured =
        ctx.run(
            ctx.on().configChanged(),
            related(false, Map.of("fileset", "/srv", "run-before-backup", DUMP)));
    assertTrue(Files.exists(scriptDir));
    ctx.run(ctx.on().remove(), configured);
    assertFalse(Files.exists(scriptDir));
  }
}
