package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.testing.ActionOutput;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client whose unit is removed: it stays known (listed as gone, kept as a bare Client resource)
 * until forget-client, and restores of its backups are checked before anything reaches the
 * Director.
 */
class LostClientStateTest extends ServerStateTest {

  static final String MYAPP0 = "relation-test-model-myapp-0-000000000001-fd";
  static final String MYAPP1 = "relation-test-model-myapp-1-000000000001-fd";
  static final String OTHER0 = "relation-test-model-other-0-000000000001-fd";

  /**
   * myapp/0 and myapp/1 backed up over one bacula-fd relation, other/0 over its own; then myapp/0
   * goes.
   */
  State myapp0Removed() {
    RelationState peers = RelationState.peer("bacula-server-peers", 1);
    RelationState myapp =
        CharmStateTest.fdRelation(
            7,
            "bacula-fd",
            Map.of(
                "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"),
                "bacula-fd/1", CharmStateTest.fdBag(MYAPP1, "10.1.1.6")));
    RelationState other =
        CharmStateTest.fdRelation(
            8, "other-fd", Map.of("other-fd/0", CharmStateTest.fdBag(OTHER0, "10.1.1.9")));
    State all =
        ctx.run(
            ctx.on().relationChanged(myapp, "bacula-fd/1"),
            State.empty()
                .withLeader(true)
                .withRelation(peers)
                .withRelation(myapp)
                .withRelation(other));
    RelationState departed = all.relation(7).orElseThrow().withoutRemoteUnit("bacula-fd/0");
    return ctx.run(
        ctx.on().relationDeparted(departed, "bacula-fd/0", "bacula-fd/0"),
        all.withRelations(
            List.of(all.relation(1).orElseThrow(), departed, all.relation(8).orElseThrow())));
  }

  ActionOutput run(State state, String action, Map<String, Object> params) {
    return ctx.runAction(ctx.on().action(action, params), state);
  }

  @Test
  void theGoneClientKeepsABareClientResourceAndLosesItsJobs() {
    myapp0Removed();
    String conf = workload.directorConfig();
    String stem = MYAPP0.substring(0, MYAPP0.length() - 3);
    assertTrue(conf.contains("Name = \"" + MYAPP0 + "\""), conf);
    assertFalse(conf.contains(stem + "-backup") || conf.contains(stem + "-fileset"), conf);
    assertFalse(conf.contains("10.1.1.5"), "nothing reaches the gone machine's address: " + conf);
  }

  @Test
  void listClientsShowsEachClientsStateAndApplication() {
    ActionOutput out = run(myapp0Removed(), "list-clients", Map.of());
    Map<?, ?> clients = (Map<?, ?>) out.results().get("clients");
    Map<?, ?> gone = (Map<?, ?>) clients.get("myapp-0");
    assertEquals("gone", gone.get("state"), clients.toString());
    assertEquals("myapp", gone.get("application"));
    assertEquals("10.1.1.5:9102", gone.get("last-address"));
    assertEquals(
        "restore client=myapp/0 target=<a unit of myapp related now>", gone.get("restore"));
    assertEquals("active", ((Map<?, ?>) clients.get("myapp-1")).get("state"));
    assertEquals("other", ((Map<?, ?>) clients.get("other-0")).get("application"));
    assertEquals("3", out.results().get("count"));
  }

  @Test
  void theGoneClientIsRememberedByTheApplicationNotJustTheLeader() {
    State removed = myapp0Removed();
    // A new leader: no stored state of its own, the same peer application databag.
    State newLeader = State.empty().withLeader(true).withRelations(removed.relations());
    ActionOutput out = run(newLeader, "list-clients", Map.of());
    Map<?, ?> gone = (Map<?, ?>) ((Map<?, ?>) out.results().get("clients")).get("myapp-0");
    assertEquals("gone", gone.get("state"), out.results().toString());
  }

  @Test
  void aBackupOfAGoneClientSaysItCanOnlyBeRestored() {
    ActionOutput out = run(myapp0Removed(), "run-backup", Map.of("client", "myapp/0"));
    assertTrue(
        out.failure().orElseThrow().startsWith("myapp/0 (" + MYAPP0 + ") has no related unit now"),
        out.failure().orElseThrow());
    assertTrue(out.failure().orElseThrow().endsWith("restore client=myapp/0 target=<unit>"));
  }

  @Test
  void aRestoreOfAGoneClientWithoutTargetNamesTheUnitsThatCanReceiveIt() {
    ActionOutput out = run(myapp0Removed(), "restore", Map.of("client", "myapp/0"));
    assertTrue(
        out.failure().orElseThrow().endsWith("target=<unit> (related now: myapp/1)"),
        out.failure().orElseThrow());
  }

  @Test
  void aTargetOfAnotherApplicationIsRefusedWithoutTheFlag() {
    ActionOutput out =
        run(myapp0Removed(), "restore", Map.of("client", "myapp/0", "target", "other/0"));
    String failure = out.failure().orElseThrow();
    assertTrue(
        failure.startsWith(
            "target other/0 belongs to application other, not to myapp whose" + " backup this is"),
        failure);
    assertTrue(failure.endsWith("or pass allow-other-application=true if you mean it"), failure);
  }

  @Test
  void aTargetWhoseFileDaemonIsOfAnotherApplicationIsRefusedEvenIfItsNameClaimsTheClientsOne() {
    // other-fd/1 publishes a believable name for myapp/5: its unit claims myapp, its sender does
    // not.
    State removed = myapp0Removed();
    RelationState rogue =
        CharmStateTest.fdRelation(
            9,
            "other-fd",
            Map.of(
                "other-fd/1",
                CharmStateTest.fdBag("relation-test-model-myapp-5-000000000001-fd", "10.1.1.10")));
    State withRogue =
        ctx.run(ctx.on().relationChanged(rogue, "other-fd/1"), removed.withRelation(rogue));
    ActionOutput out = run(withRogue, "restore", Map.of("client", "myapp/0", "target", "myapp/5"));
    assertTrue(
        out.failure()
            .orElseThrow()
            .startsWith(
                "target myapp/5 is sent by File Daemon application"
                    + " other-fd, not by bacula-fd which backed up myapp/0"),
        out.failure().orElseThrow());
  }

  @Test
  void withTheFlagTheOtherApplicationsTargetPassesTheChecksAndReachesTheDirector() {
    ActionOutput out =
        run(
            myapp0Removed(),
            "restore",
            Map.of("client", "myapp/0", "target", "other/0", "allow-other-application", true));
    assertTrue(
        out.failure().orElseThrow().startsWith("cannot talk to the Bacula Director"),
        out.failure().orElseThrow());
  }

  @Test
  void aTargetThatIsNotRelatedNowIsUnknown() {
    ActionOutput out =
        run(myapp0Removed(), "restore", Map.of("client", "myapp/0", "target", "myapp/0"));
    assertTrue(
        out.failure().orElseThrow().contains("has no related unit now"),
        out.failure().orElseThrow());
    ActionOutput nowhere =
        run(myapp0Removed(), "restore", Map.of("client", "myapp/0", "target", "myapp/7"));
    assertTrue(
        nowhere.failure().orElseThrow().startsWith("unknown client \"myapp/7\""),
        nowhere.failure().orElseThrow());
  }

  @Test
  void badPathsFailBeforeAnythingRunsNamingEachPath() {
    ActionOutput out =
        run(
            myapp0Removed(),
            "restore",
            Map.of(
                "client",
                "myapp/0",
                "target",
                "myapp/1",
                "paths",
                "/srv/myapp/a,srv/b,/srv/../etc"));
    String failure = out.failure().orElseThrow();
    assertTrue(failure.contains("paths: \"srv/b\" is not an absolute path"), failure);
    assertTrue(failure.contains("paths: \"/srv/../etc\" is not an absolute path"), failure);
    assertFalse(failure.contains("\"/srv/myapp/a\""), failure);
  }

  @Test
  void forgetClientDropsTheGoneClientFromTheListAndTheDirector() {
    ActionOutput forget = run(myapp0Removed(), "forget-client", Map.of("name", MYAPP0));
    assertEquals("myapp/0", forget.results().get("was-unit"), forget.results().toString());
    State next = ctx.run(ctx.on().updateStatus(), forget.state());
    assertFalse(workload.directorConfig().contains(MYAPP0), workload.directorConfig());
    Map<?, ?> clients = (Map<?, ?>) run(next, "list-clients", Map.of()).results().get("clients");
    assertFalse(clients.containsKey("myapp-0"), clients.toString());
  }
}
