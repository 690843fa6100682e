package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.testing.ActionOutput;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import io.backupcharms.schema.ClientsLeftOut;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who a client is: the unit that sent it, never a unit that merely claims its name. A rogue unit
 * related over bacula-dir that publishes another File Daemon's (predictable) name must not take
 * over that client, its backups or its restores.
 */
class ClientIdentityStateTest extends ServerStateTest {

  /** Canonical's name for the File Daemon next to myapp/0 in ops-testing's model. */
  static final String MYAPP0 = "relation-test-model-myapp-0-000000000001-fd";

  static RelationState related(int id, String unit, Map<String, String> bag) {
    return RelationState.of("bacula-dir", id, unit.substring(0, unit.indexOf('/')))
        .withRemoteUnit(unit, bag);
  }

  /** The rogue related first (relation 7), the genuine File Daemon after it (relation 8). */
  State rogueFirst() {
    RelationState rogue = related(7, "rogue/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.66"));
    State before =
        ctx.run(
            ctx.on().relationChanged(rogue, "rogue/0"),
            State.empty().withLeader(true).withRelation(rogue));
    RelationState real = related(8, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    return ctx.run(ctx.on().relationChanged(real, "bacula-fd/0"), before.withRelation(real));
  }

  /** Both claimants seen in the same hook, so the name is bound to neither yet. */
  State bothAtOnce() {
    RelationState rogue = related(7, "rogue/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.66"));
    RelationState real = related(8, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    return ctx.run(
        ctx.on().relationChanged(real, "bacula-fd/0"),
        State.empty().withLeader(true).withRelation(rogue).withRelation(real));
  }

  @Test
  void aNameClaimedByTwoUnitsAtOnceLeavesBothOutAndNamesBoth() {
    State out = bothAtOnce();
    assertEquals("blocked", out.unitStatus().name());
    String message = out.unitStatus().message();
    assertTrue(
        message.contains(
            "two units claim name \""
                + MYAPP0
                + "\": rogue/0 (bacula-dir:7) and"
                + " bacula-fd/0 (bacula-dir:8)"),
        message);
    assertTrue(message.endsWith("remove the wrong relation"), message);
    assertFalse(message.contains("more"), "one clash is one problem: " + message);
    String conf = workload.directorConfig();
    String stem = MYAPP0.substring(0, MYAPP0.length() - 3);
    assertFalse(
        conf.contains(stem + "-backup") || conf.contains(stem + "-restore"),
        "neither claimant gets a job: " + conf);
    assertFalse(conf.contains("10.1.1.66"), "the rogue's address is never a client's: " + conf);
  }

  @Test
  void aUnitPublishingABoundClientsNameDoesNotKnockThatClientOut() {
    RelationState real = related(8, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    State bound =
        ctx.run(
            ctx.on().relationChanged(real, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(real));
    RelationState rogue = related(7, "rogue/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.66"));
    State out = ctx.run(ctx.on().relationChanged(rogue, "rogue/0"), bound.withRelation(rogue));
    assertTrue(
        workload.directorConfig().contains("Address = \"10.1.1.5\""), "myapp/0 keeps its backups");
    assertFalse(workload.directorConfig().contains("10.1.1.66"), workload.directorConfig());
    assertEquals("blocked", out.unitStatus().name());
    assertTrue(
        out.unitStatus()
            .message()
            .contains(
                "client left out:"
                    + " relation bacula-dir:7 (rogue/0): name \""
                    + MYAPP0
                    + "\" belongs to bacula-fd/0"),
        out.unitStatus().message());
  }

  @Test
  void aSiblingUnitCannotTakeTheNameOfItsApplicationsOtherUnitEvenOnceThatUnitIsGone() {
    RelationState one = related(8, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    State bound =
        ctx.run(
            ctx.on().relationChanged(one, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(one));
    RelationState both =
        one.withRemoteUnit("bacula-fd/1", CharmStateTest.fdBag(MYAPP0, "10.1.1.6"));
    State claimed =
        ctx.run(ctx.on().relationChanged(both, "bacula-fd/1"), bound.withRelation(both));
    assertTrue(
        workload.directorConfig().contains("Address = \"10.1.1.5\""), workload.directorConfig());
    assertFalse(workload.directorConfig().contains("10.1.1.6"), "the sibling is left out");

    // myapp/0's machine is lost: its sibling still cannot become myapp/0, so restore client=myapp/0
    // is never redirected onto the sibling's machine.
    RelationState sibling = both.withoutRemoteUnit("bacula-fd/0");
    State gone =
        ctx.run(
            ctx.on().relationDeparted(sibling, "bacula-fd/0", "bacula-fd/0"),
            claimed.withRelation(sibling));
    assertFalse(workload.directorConfig().contains("10.1.1.6"), workload.directorConfig());
    ActionOutput restore =
        ctx.runAction(ctx.on().action("restore", Map.of("client", "myapp/0")), gone);
    assertTrue(
        restore.failure().orElseThrow().contains("has no related unit now"),
        restore.failure().orElseThrow());
  }

  @Test
  void theClaimantLeftOutIsToldOnItsOwnRelationWhyUntilTheOperatorDecides() {
    State out = rogueFirst();
    Map<String, String> rogue = ClientsLeftOut.decode(out.relation(7).orElseThrow().localAppData());
    Map<String, String> real = ClientsLeftOut.decode(out.relation(8).orElseThrow().localAppData());
    assertEquals(
        Set.of(), rogue.keySet(), "the first claimant keeps the name (trust on first use)");
    assertEquals(Set.of("bacula-fd/0"), real.keySet(), "a relation carries only its own units");
    assertTrue(
        real.get("bacula-fd/0").startsWith("name \"" + MYAPP0 + "\" belongs to rogue/0"),
        real.toString());
    assertTrue(real.get("bacula-fd/0").endsWith("forget-client name=" + MYAPP0), real.toString());

    // The rogue's relation is removed: its application left, so the name is free again and the
    // genuine File Daemon gets it at the next hook, with no action from the operator.
    State back =
        ctx.run(ctx.on().updateStatus(), out.withRelations(List.of(out.relation(8).orElseThrow())));
    assertEquals(new ActiveStatus("1 client"), back.unitStatus());
    assertTrue(
        workload.directorConfig().contains("Address = \"10.1.1.5\""), workload.directorConfig());
    assertFalse(
        back.relation(8).orElseThrow().localAppData().containsKey(ClientsLeftOut.KEY),
        back.relation(8).orElseThrow().localAppData().toString());
  }

  @Test
  void aNameStaysBoundWhileItsApplicationIsRelatedWithNoUnitAndIsFreedOnceItLeaves() {
    RelationState real = related(8, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    State bound =
        ctx.run(
            ctx.on().relationChanged(real, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(real));
    // The machine is lost: bacula-fd stays related with no unit, and a rogue publishes the name.
    RelationState empty = real.withoutRemoteUnit("bacula-fd/0");
    RelationState rogue = related(7, "rogue/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.66"));
    State held =
        ctx.run(
            ctx.on().relationChanged(rogue, "rogue/0"),
            bound.withRelation(empty).withRelation(rogue));
    assertTrue(
        held.unitStatus().message().contains("belongs to bacula-fd/0"),
        held.unitStatus().message());
    assertFalse(workload.directorConfig().contains("10.1.1.66"), workload.directorConfig());

    // The operator removes bacula-fd's relation: its names are pruned and the other claimant,
    // the only one left, is accepted.
    State left = ctx.run(ctx.on().updateStatus(), held.withRelations(List.of(rogue)));
    assertEquals(new ActiveStatus("1 client"), left.unitStatus());
    assertTrue(workload.directorConfig().contains("10.1.1.66"), workload.directorConfig());
    ActionOutput forget =
        ctx.runAction(
            ctx.on().action("forget-client", Map.of("name", MYAPP0)),
            held.withRelations(List.of(rogue)));
    assertEquals("none", forget.results().get("was-bound-to"), forget.toString());
  }

  @Test
  void aNameStaysBoundAfterTheLeaderIsReplacedSoARogueStillCannotTakeIt() {
    RelationState peers = RelationState.peer("bacula-server-peers", 1);
    RelationState real = related(8, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    State bound =
        ctx.run(
            ctx.on().relationChanged(real, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(peers).withRelation(real));
    assertEquals(new ActiveStatus("1 client"), bound.unitStatus());

    // The unit is replaced (say, to move a PostgreSQL-backed server): the new leader has no stored
    // state, but the application's peer databag is the same. It has not yet heard from the genuine
    // File Daemon unit, and a rogue publishes the name.
    RelationState rogue = related(7, "rogue/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.66"));
    State replaced =
        State.empty()
            .withLeader(true)
            .withRelation(bound.relation(1).orElseThrow())
            .withRelation(real.withoutRemoteUnit("bacula-fd/0"))
            .withRelation(rogue);
    State out = ctx.run(ctx.on().relationChanged(rogue, "rogue/0"), replaced);
    assertEquals("blocked", out.unitStatus().name());
    assertTrue(
        out.unitStatus().message().contains("belongs to bacula-fd/0"), out.unitStatus().message());
    assertFalse(workload.directorConfig().contains("10.1.1.66"), workload.directorConfig());
  }

  @Test
  void noActionReachesEitherClaimant() {
    State out = bothAtOnce();
    ActionOutput restore =
        ctx.runAction(ctx.on().action("restore", Map.of("client", "myapp/0")), out);
    assertTrue(
        restore.failure().orElseThrow().startsWith("unknown client \"myapp/0\""),
        restore.failure().orElseThrow());
    ActionOutput backup =
        ctx.runAction(ctx.on().action("run-backup", Map.of("client", "rogue/0")), out);
    assertTrue(
        backup.failure().orElseThrow().startsWith("unknown client \"rogue/0\""),
        backup.failure().orElseThrow());
  }

  @Test
  void listClientsShowsBothClaimantsAsRejectedEachWithItsOwnUnit() {
    ActionOutput out = ctx.runAction(ctx.on().action("list-clients", Map.of()), bothAtOnce());
    assertEquals("2", out.results().get("count"));
    Map<?, ?> rejected = (Map<?, ?>) out.results().get("clients");
    assertEquals(2, rejected.size(), rejected.toString());
    rejected
        .values()
        .forEach(c -> assertEquals("left-out", ((Map<?, ?>) c).get("state"), c.toString()));
    Map<?, ?> first = (Map<?, ?>) rejected.get("myapp-0");
    Map<?, ?> second = (Map<?, ?>) rejected.get("myapp-0-2");
    assertEquals("rogue/0", first.get("fd-unit"));
    assertEquals("bacula-dir:7", first.get("relation"));
    assertEquals("bacula-fd/0", second.get("fd-unit"));
    assertEquals("bacula-dir:8", second.get("relation"));
    assertTrue(((String) first.get("reason")).startsWith("two units claim name"), first.toString());
  }

  @Test
  void afterTheRogueRelationIsRemovedTheGenuineFileDaemonGetsTheNameButNotTheRoguesBackups() {
    // On a fresh server the rogue was accepted first. Once its relation is removed the name is
    // free and the genuine File Daemon takes it; what the rogue backed up is not restored onto the
    // genuine machine unless the operator says so.
    State clash = rogueFirst();
    State back =
        ctx.run(
            ctx.on().updateStatus(), clash.withRelations(List.of(clash.relation(8).orElseThrow())));
    assertEquals(new ActiveStatus("1 client"), back.unitStatus());
    assertTrue(workload.directorConfig().contains("Address = \"10.1.1.5\""));
    ActionOutput list = ctx.runAction(ctx.on().action("list-clients", Map.of()), back);
    Map<?, ?> client = (Map<?, ?>) ((Map<?, ?>) list.results().get("clients")).get("myapp-0");
    assertEquals("myapp/0", client.get("unit"));
    assertEquals("bacula-fd/0", client.get("fd-unit"));
    ActionOutput restore =
        ctx.runAction(ctx.on().action("restore", Map.of("client", "myapp/0")), back);
    String failure = restore.failure().orElseThrow();
    assertTrue(
        failure.contains(
            "was published by rogue/0 until the relation of its application was"
                + " removed, and is published by bacula-fd/0 now"),
        failure);
    assertTrue(failure.contains("allow-other-application=true"), failure);
  }

  @Test
  void aNameClaimingAUnitOfTheSendersOwnApplicationIsAttributedToTheSender() {
    // No subordinate belongs to its principal's application: rogue/0 cannot be rogue/1's File
    // Daemon.
    String sibling = "relation-test-model-rogue-1-000000000001-fd";
    RelationState rogue = related(7, "rogue/0", CharmStateTest.fdBag(sibling, "10.1.1.66"));
    State out =
        ctx.run(
            ctx.on().relationChanged(rogue, "rogue/0"),
            State.empty().withLeader(true).withRelation(rogue));
    ActionOutput list = ctx.runAction(ctx.on().action("list-clients", Map.of()), out);
    Map<?, ?> clients = (Map<?, ?>) list.results().get("clients");
    Map<?, ?> client = (Map<?, ?>) clients.get("rogue-0");
    assertEquals("rogue/0", client.get("unit"), clients.toString());
    ActionOutput backup =
        ctx.runAction(ctx.on().action("run-backup", Map.of("client", "rogue/1")), out);
    assertTrue(
        backup.failure().orElseThrow().startsWith("unknown client \"rogue/1\""),
        backup.failure().orElseThrow());
  }

  @Test
  void aRejectedClientIsListedUnderTheSameUnitAsAnAcceptedOne() {
    Map<String, String> bad = CharmStateTest.fdBag(MYAPP0, "10.1.1.5");
    bad.put("fileset", "var/lib/myapp");
    RelationState rel = related(7, "bacula-fd/0", bad);
    State out =
        ctx.run(
            ctx.on().relationChanged(rel, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(rel));
    ActionOutput list = ctx.runAction(ctx.on().action("list-clients", Map.of()), out);
    Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) list.results().get("clients")).get("myapp-0");
    assertEquals("myapp/0", entry.get("unit"), list.results().toString());
    assertEquals("left-out", entry.get("state"));
    assertEquals("bacula-fd/0", entry.get("fd-unit"));
    assertTrue(
        ((String) entry.get("reason")).contains("\"var/lib/myapp\" is relative"), entry.toString());
  }

  @Test
  void aFileDaemonWithoutDataIsNamedSoTheOperatorLooksThere() {
    RelationState good = related(7, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    // bacula-fd withdraws its data while it is blocked on its own backup relation.
    RelationState withdrawn = related(8, "evil-fd/0", Map.of("ingress-address", "10.1.1.6"));
    State out =
        ctx.run(
            ctx.on().relationChanged(withdrawn, "evil-fd/0"),
            State.empty().withLeader(true).withRelation(good).withRelation(withdrawn));
    assertEquals(new ActiveStatus("1 client, 1 left out: see evil-fd/0"), out.unitStatus());
  }

  /** The genuine File Daemon backed up once, then its relation removed (e.g. to re-create it). */
  State genuineCameAndWent() {
    RelationState real = related(8, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    State served =
        ctx.run(
            ctx.on().relationChanged(real, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(real));
    assertEquals(new ActiveStatus("1 client"), served.unitStatus());
    return ctx.run(ctx.on().updateStatus(), served.withRelations(List.of()));
  }

  @Test
  void aUnitOfAnotherApplicationTakingAFreedNameIsNotHandedTheEarlierBackups() {
    RelationState other = related(9, "other-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.66"));
    State out =
        ctx.run(
            ctx.on().relationChanged(other, "other-fd/0"),
            genuineCameAndWent().withRelation(other));
    assertEquals(
        new ActiveStatus("1 client"), out.unitStatus(), "bacula-fd left, so the name is free");
    ActionOutput restore =
        ctx.runAction(ctx.on().action("restore", Map.of("client", "myapp/0")), out);
    assertTrue(
        restore
            .failure()
            .orElseThrow()
            .contains(
                "was published by bacula-fd/0 until the relation of its application was removed"),
        restore.failure().orElseThrow());
    ActionOutput again =
        ctx.runAction(
            ctx.on().action("restore", Map.of("client", "myapp/0")),
            ctx.run(ctx.on().updateStatus(), out));
    assertTrue(
        again.failure().orElseThrow().contains("published by bacula-fd/0"),
        "the next hook keeps the record: " + again.failure().orElseThrow());
  }

  @Test
  void theGenuineFileDaemonGetsItsNameBackWhenItReturns() {
    RelationState back = related(10, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    State out =
        ctx.run(
            ctx.on().relationChanged(back, "bacula-fd/0"), genuineCameAndWent().withRelation(back));
    assertEquals(new ActiveStatus("1 client"), out.unitStatus());
  }

  @Test
  void forgetClientLetsTheReplacingApplicationTakeTheNameAtTheNextHook() {
    // bacula-fd stays related, with no unit: its name stays bound until the operator hands it over.
    RelationState real = related(8, "bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5"));
    State served =
        ctx.run(
            ctx.on().relationChanged(real, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(real));
    RelationState replacing = related(9, "new-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.7"));
    State blocked =
        ctx.run(
            ctx.on().relationChanged(replacing, "new-fd/0"),
            served.withRelation(real.withoutRemoteUnit("bacula-fd/0")).withRelation(replacing));
    assertEquals("blocked", blocked.unitStatus().name());
    assertTrue(
        blocked
            .unitStatus()
            .message()
            .endsWith("juju run bacula-server/leader forget-client name=" + MYAPP0),
        blocked.unitStatus().message());

    ActionOutput forget =
        ctx.runAction(ctx.on().action("forget-client", Map.of("name", MYAPP0)), blocked);
    assertEquals("bacula-fd/0", forget.results().get("was-bound-to"), forget.toString());
    State out = ctx.run(ctx.on().updateStatus(), forget.state());
    assertEquals(new ActiveStatus("1 client"), out.unitStatus());
    assertTrue(workload.directorConfig().contains("Address = \"10.1.1.7\""));
    ActionOutput restore =
        ctx.runAction(ctx.on().action("restore", Map.of("client", "myapp/0")), out);
    assertFalse(
        restore.failure().orElse("").contains("was published by"),
        "the operator handed the name over: " + restore.failure().orElse(""));
  }

  @Test
  void forgetClientRefusesANameThatIsNotBound() {
    ActionOutput out =
        ctx.runAction(
            ctx.on().action("forget-client", Map.of("name", "nosuch-fd")),
            State.empty().withLeader(true));
    assertTrue(
        out.failure()
            .orElseThrow()
            .startsWith(
                "name \"nosuch-fd\" is neither bound to a unit nor a client the server remembers"),
        out.failure().orElseThrow());
    ActionOutput bad =
        ctx.runAction(
            ctx.on().action("forget-client", Map.of("name", "a b")),
            State.empty().withLeader(true));
    assertTrue(
        bad.failure().orElseThrow().startsWith("name must be a Bacula client name"),
        bad.failure().orElseThrow());
  }
}
