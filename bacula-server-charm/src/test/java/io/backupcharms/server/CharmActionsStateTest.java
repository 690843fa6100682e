package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.testing.ActionOutput;
import io.backupcharms.ops.testing.Context;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Action outcomes an operator sees before anything reaches the Director. */
class CharmActionsStateTest {

  @TempDir Path root;
  Context ctx;
  State related;

  @BeforeEach
  void setUp() {
    TempDirWorkload workload = new TempDirWorkload(root);
    ctx = Context.fromCharmDir(fw -> new BaculaServerCharm(fw, workload), Path.of("."));
    String name = "relation-" + "charm-model" + "-myapp-0-" + "abc" + "-fd";
    RelationState rel =
        RelationState.of("bacula-dir", 7, "bacula-fd")
            .withRemoteUnit("bacula-fd/0", CharmStateTest.fdBag(name, "10.1.1.5"));
    related =
        ctx.run(
            ctx.on().relationChanged(rel, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(rel));
  }

  ActionOutput run(String action, Map<String, Object> params) {
    return ctx.runAction(ctx.on().action(action, params), related);
  }

  @Test
  void runBackupWithoutAClientSaysWhatToGive() {
    ActionOutput out = run("run-backup", Map.of());
    assertTrue(out.isFailed());
    assertTrue(out.failure().orElseThrow().contains("client"), out.failure().orElseThrow());
  }

  @Test
  void anInvalidLevelListsTheAllowedOnes() {
    ActionOutput out = run("run-backup", Map.of("client", "myapp/0", "level", "Weekly"));
    assertTrue(out.failure().orElseThrow().contains("Full"), out.failure().orElseThrow());
    assertTrue(out.failure().orElseThrow().contains("Incremental"), out.failure().orElseThrow());
  }

  @Test
  void anUnknownClientListsTheKnownClients() {
    ActionOutput out = run("run-backup", Map.of("client", "nosuch/3"));
    assertEquals(
        "unknown client \"nosuch/3\"; known clients: relation-charm-model-myapp-0-abc-fd",
        out.failure().orElseThrow());
  }

  @Test
  void aRelativeRestoreDestinationIsRefusedBeforeAnythingRuns() {
    ActionOutput out = run("restore", Map.of("client", "myapp/0", "where", "tmp/r"));
    assertTrue(
        out.failure().orElseThrow().startsWith("where must be an absolute directory"),
        out.failure().orElseThrow());
  }

  @Test
  void aRelationWithoutItsPasswordSecretFailsTheBackupAndTheActionCreatesNone() {
    // As if the relation arrived but no hook has reconciled it yet: the action must not make a
    // password the File Daemon was never given.
    State unreconciled =
        related.withSecrets(
            related.secrets().stream().filter(s -> !"relation-7".equals(s.label())).toList());
    ActionOutput out =
        ctx.runAction(
            ctx.on().action("run-backup", Map.of("client", "relation-charm-model-myapp-0-abc-fd")),
            unreconciled);
    assertTrue(
        out.failure()
            .orElseThrow()
            .startsWith(
                "the password secret of relation bacula-dir:7 does not exist yet; nothing was run"),
        out.failure().orElseThrow());
    assertEquals(unreconciled.secrets(), out.state().secrets());
  }

  @Test
  void anUnreachableDirectorFailsTheActionWithWhatToCheck() {
    ActionOutput out = run("list-backups", Map.of());
    assertTrue(
        out.failure()
            .orElseThrow()
            .startsWith("cannot talk to the Bacula Director: connection refused"),
        out.failure().orElseThrow());
  }

  @Test
  void listClientsShowsTheRelationsViewEvenWithoutTheDirector() {
    ActionOutput out = run("list-clients", Map.of());
    assertEquals(false, out.isFailed(), out.failure().toString());
    assertEquals("1", out.results().get("count"));
    String dump = out.results().toString();
    assertTrue(dump.contains("address=10.1.1.5:9102"), dump);
    assertTrue(dump.contains("Level=Full sun at 01:00, Level=Incremental mon-sat at 01:00"), dump);
  }

  @Test
  void actionsRunOnlyOnTheLeader() {
    ActionOutput out =
        ctx.runAction(ctx.on().action("list-clients", Map.of()), related.withLeader(false));
    assertEquals(
        "run actions on the leader: juju run bacula-server/leader list-clients",
        out.failure().orElseThrow());
  }
}
