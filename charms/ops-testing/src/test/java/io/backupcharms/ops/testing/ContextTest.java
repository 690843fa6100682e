package io.backupcharms.ops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.ConfigChangedEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.MaintenanceStatus;
import io.backupcharms.ops.SecretChangedEvent;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.hooktools.RelationDataAccessError;
import io.backupcharms.ops.hooktools.SecretNotFoundError;
import io.backupcharms.ops.model.Port;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** State-transition tests of the framework through the demo charm. */
class ContextTest {
  private static final Path CHARM = Path.of("src/test/resources/testcharm");
  private final Context ctx = Context.fromCharmDir(DemoCharm::new, CHARM);
  private final RelationState backup =
      RelationState.of("backup", 4, "myapp").withRemoteUnit("myapp/0", Map.of("k", "v"));

  @Test
  void aDeferredEventIsReemittedBeforeTheNextEventAndDroppedOnceHandled() {
    State afterStart = ctx.run(ctx.on().start(), State.empty());
    assertEquals(
        List.of("hooks/start"), afterStart.deferred().stream().map(Trigger::dispatchPath).toList());

    State afterConfig = ctx.run(ctx.on().configChanged(), afterStart);
    assertEquals(
        List.of("StartEvent", "StartEvent", "ConfigChangedEvent"),
        afterConfig.storedCharm().get("seen"));
    assertEquals(List.of(), afterConfig.deferred());
  }

  @Test
  void storedStateCarriesAcrossRuns() {
    State s = State.empty();
    for (int i = 0; i < 3; i++) {
      s = ctx.run(ctx.on().updateStatus(), s);
    }
    assertEquals(
        List.of("UpdateStatusEvent", "UpdateStatusEvent", "UpdateStatusEvent"),
        s.storedCharm().get("seen"));
  }

  @Test
  void collectStatusSetsTheMostImportantStatus() {
    State blocked = ctx.run(ctx.on().updateStatus(), State.empty().withRelation(backup));
    assertEquals(new BlockedStatus("set path"), blocked.unitStatus());

    State waiting =
        ctx.run(ctx.on().updateStatus(), State.empty().withConfig(Map.of("path", "/srv")));
    assertEquals(new MaintenanceStatus("tidying"), waiting.unitStatus());
    assertEquals(List.of(new MaintenanceStatus("tidying")), ctx.unitStatusHistory());
  }

  @Test
  void waitingOutranksActive() {
    Context waitingOnly =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        CollectStatusEvent.class,
                        e -> {
                          e.addStatus(new ActiveStatus());
                          e.addStatus(new WaitingStatus("db"));
                        });
                  }
                },
            ctx.meta(),
            "demo/0");
    assertEquals(
        new WaitingStatus("db"),
        waitingOnly.run(waitingOnly.on().install(), State.empty()).unitStatus());
  }

  @Test
  void theLeaderPublishesInTheAppBagAndSetsTheAppStatus() {
    State out =
        ctx.run(
            ctx.on().relationChanged(backup, "myapp/0"),
            State.empty().withLeader(true).withConfig(Map.of("path", "/srv")).withRelation(backup));
    RelationState rel = out.relation(4).orElseThrow();
    assertEquals(Map.of("retries", "3"), rel.localAppData());
    assertEquals(Map.of("path", "/srv"), rel.localUnitData());
    assertEquals(new ActiveStatus("leader here"), out.appStatus());
  }

  @Test
  void aNonLeaderWritingTheAppBagIsRefusedAndNothingIsCommitted() {
    Context writer =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        ConfigChangedEvent.class,
                        e -> {
                          fw.stored().set("tried", true);
                          fw.model().relations("backup").get(0).localAppData().set("k", "v");
                        });
                  }
                },
            ctx.meta(),
            "demo/1");
    State before = State.empty().withRelation(backup);
    RelationDataAccessError e =
        assertThrows(
            RelationDataAccessError.class, () -> writer.run(writer.on().configChanged(), before));
    assertTrue(e.getMessage().contains("demo/1 is not the leader"), e.getMessage());
  }

  @Test
  void updateWritesTheOwnedKeysThatDifferAndLeavesOtherKeysAlone() {
    Context updater =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        ConfigChangedEvent.class,
                        e ->
                            fw.model()
                                .relations("backup")
                                .get(0)
                                .localUnitData()
                                .update(
                                    Map.of("same", "1", "changed", "new", "added", "x"),
                                    List.of("same", "changed", "gone")));
                  }
                },
            ctx.meta(),
            "demo/0");
    State before =
        State.empty()
            .withRelation(
                backup.withLocalUnitData(
                    Map.of(
                        "same", "1", "changed", "old", "gone", "stale", "someone-else", "kept")));
    State out = updater.run(updater.on().configChanged(), before);
    assertEquals(
        Map.of("same", "1", "changed", "new", "added", "x", "someone-else", "kept"),
        out.relation(4).orElseThrow().localUnitData(),
        "owned keys follow what is wanted, an owned key not wanted is deleted, other keys stay");
  }

  @Test
  void aNonLeaderCannotReadItsOwnAppBag() {
    Context reader =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        ConfigChangedEvent.class,
                        e -> fw.model().relations("backup").get(0).localAppData().asMap());
                  }
                },
            ctx.meta(),
            "demo/1");
    assertThrows(
        RelationDataAccessError.class,
        () -> reader.run(reader.on().configChanged(), State.empty().withRelation(backup)));
  }

  @Test
  void remoteBagsAreReadOnly() {
    Context writer =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        ConfigChangedEvent.class,
                        e -> {
                          var rel = fw.model().relations("backup").get(0);
                          rel.data(rel.units().iterator().next()).set("k", "mine");
                        });
                  }
                },
            ctx.meta(),
            "demo/0");
    RelationDataAccessError e =
        assertThrows(
            RelationDataAccessError.class,
            () ->
                writer.run(
                    writer.on().configChanged(),
                    State.empty().withLeader(true).withRelation(backup)));
    assertTrue(e.getMessage().contains("myapp/0"), e.getMessage());
  }

  @Test
  void anActionReturnsNestedResultsAndLogs() {
    ActionOutput out =
        ctx.runAction(ctx.on().action("backup-now", Map.of("level", "Full")), State.empty());
    assertEquals(Map.of("job", Map.of("id", "42", "level", "Full")), out.results());
    assertEquals(List.of("starting Full"), out.logs());
    assertEquals(false, out.isFailed());
  }

  @Test
  void aFailedActionKeepsItsResultsAndSaysWhy() {
    ActionOutput out =
        ctx.runAction(ctx.on().action("backup-now", Map.of("level", "Incremental")), State.empty());
    assertEquals("no full backup yet; run with level=Full first", out.failure().orElseThrow());
    assertEquals("42", ((Map<?, ?>) out.results().get("job")).get("id"));
  }

  @Test
  void invalidActionParamsFailBeforeTheHandlerRuns() {
    ActionOutput out =
        ctx.runAction(ctx.on().action("backup-now", Map.of("level", "Weekly")), State.empty());
    String failure = out.failure().orElseThrow();
    assertTrue(
        failure.contains("invalid parameters for action backup-now") && failure.contains("Full"),
        failure);
    assertEquals(List.of(), out.logs());
  }

  @Test
  void relationBrokenHidesTheBrokenRelationFromTheModel() {
    State out =
        ctx.run(
            ctx.on().relationBroken(backup),
            State.empty().withConfig(Map.of("path", "/srv")).withRelation(backup));
    // Reconcile skipped the relation: nothing was published into the bag of a relation going away.
    assertEquals(Map.of(), out.relation(4).orElseThrow().localUnitData());
  }

  @Test
  void anEventAboutARelationNotInTheStateIsRejectedWithTheFix() {
    InconsistentStateError e =
        assertThrows(
            InconsistentStateError.class,
            () -> ctx.run(ctx.on().relationChanged(backup), State.empty()));
    assertTrue(e.getMessage().contains("state.withRelation"), e.getMessage());
  }

  @Test
  void secretsAreAddedReadAndGranted() {
    Context owner =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        ConfigChangedEvent.class,
                        e -> {
                          var secret =
                              fw.model()
                                  .app()
                                  .addSecret(Map.of("password", "pw1"), "director", null);
                          secret.grant(fw.model().relations("backup").get(0));
                          fw.model().unit().openPort(Port.tcp(9101));
                        });
                  }
                },
            ctx.meta(),
            "demo/0");
    State out =
        owner.run(owner.on().configChanged(), State.empty().withLeader(true).withRelation(backup));
    SecretState secret = out.secret("director").orElseThrow();
    assertEquals(Map.of("password", "pw1"), secret.content());
    assertEquals(Map.of(4, Set.of("myapp")), secret.grants());
    assertEquals(Set.of(Port.tcp(9101)), out.openedPorts());
  }

  @Test
  void aConsumerSeesItsTrackedRevisionUntilItRefreshes() {
    SecretState s =
        SecretState.consumed("secret:cs000000000000000001", Map.of("password", "old"))
            .withNewRevision(Map.of("password", "new"));
    Context consumer =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        SecretChangedEvent.class,
                        e -> {
                          fw.stored().set("before", e.secret().getContent().get("password"));
                          fw.stored().set("after", e.secret().getContent(true).get("password"));
                        });
                  }
                },
            ctx.meta(),
            "demo/0");
    State out = consumer.run(consumer.on().secretChanged(s), State.empty().withSecret(s));
    assertEquals(Map.of("before", "old", "after", "new"), out.storedCharm());
    assertEquals(2, out.secret(s.id()).orElseThrow().trackedRevision());
  }

  @Test
  void aMissingSecretRaisesSecretNotFoundError() {
    Context reader =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        ConfigChangedEvent.class,
                        e -> fw.model().secret("secret:cs000000000000000099").getContent());
                  }
                },
            ctx.meta(),
            "demo/0");
    assertThrows(
        SecretNotFoundError.class, () -> reader.run(reader.on().configChanged(), State.empty()));
  }

  @Test
  void logRecordsReachJujuLog() {
    Context logger =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        ConfigChangedEvent.class,
                        e -> LoggerFactory.getLogger("demo").warn("careful"));
                  }
                },
            ctx.meta(),
            "demo/0");
    logger.run(logger.on().configChanged(), State.empty());
    assertEquals(List.of(new LogLine("WARNING", "careful")), logger.jujuLog());
  }

  @Test
  void aPeerRelationSeesPeersAndSharesTheAppBag() {
    RelationState cluster =
        RelationState.peer("cluster", 2)
            .withRemoteUnit("demo/1", Map.of("host", "10.0.0.2"))
            .withLocalAppData(Map.of("token", "t"));
    Context peers =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        ConfigChangedEvent.class,
                        e -> {
                          var rel = fw.model().relation("cluster").orElseThrow();
                          fw.stored()
                              .set(
                                  "peer-host",
                                  rel.data(rel.units().iterator().next())
                                      .get("host")
                                      .orElseThrow());
                          fw.stored().set("token", rel.localAppData().get("token").orElseThrow());
                          fw.stored().set("app", rel.app().orElseThrow().name());
                        });
                  }
                },
            ctx.meta(),
            "demo/0");
    State out =
        peers.run(peers.on().configChanged(), State.empty().withLeader(true).withRelation(cluster));
    assertEquals(Map.of("peer-host", "10.0.0.2", "token", "t", "app", "demo"), out.storedCharm());
  }

  @Test
  void theImplicitJujuInfoEndpointNeedsNoDeclaration() {
    RelationState info =
        RelationState.of("juju-info", 9, "principal").withRemoteUnit("principal/0", Map.of());
    Context reader =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        ConfigChangedEvent.class,
                        e ->
                            fw.model()
                                .relation("juju-info")
                                .ifPresent(
                                    r ->
                                        fw.stored()
                                            .set("principal", r.units().iterator().next().name())));
                  }
                },
            ctx.meta(),
            "demo/0");
    State out = reader.run(reader.on().configChanged(), State.empty().withRelation(info));
    assertEquals(Map.of("principal", "principal/0"), out.storedCharm());
    // Not related yet: no relation, rather than "no such endpoint".
    State none = reader.run(reader.on().configChanged(), State.empty());
    assertEquals(Map.of(), none.storedCharm());
  }

  @Test
  void anUndeclaredEndpointIsAnErrorNamingTheDeclaredOnes() {
    Context typo =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(ConfigChangedEvent.class, e -> fw.model().relations("bakup"));
                  }
                },
            ctx.meta(),
            "demo/0");
    ModelError e =
        assertThrows(ModelError.class, () -> typo.run(typo.on().configChanged(), State.empty()));
    assertTrue(
        e.getMessage().contains("no relation endpoint \"bakup\"")
            && e.getMessage().contains("backup"),
        e.getMessage());
  }

  @Test
  void handlerExceptionsPropagateUnchanged() {
    Framework[] seen = new Framework[1];
    Context failing =
        new Context(
            fw ->
                new CharmBase(fw) {
                  {
                    seen[0] = fw;
                    fw.observe(
                        ConfigChangedEvent.class,
                        e -> {
                          throw new IllegalStateException("boom");
                        });
                  }
                },
            ctx.meta(),
            "demo/0");
    assertThrows(
        IllegalStateException.class,
        () -> failing.run(failing.on().configChanged(), State.empty()));
  }
}
