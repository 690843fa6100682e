package io.backupcharms.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.DirectorAccess;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.fd.plan.DaemonSetup;
import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.MaintenanceStatus;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.model.GrantedSecret;
import io.backupcharms.ops.model.Port;
import io.backupcharms.ops.testing.Context;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.SecretState;
import io.backupcharms.ops.testing.State;
import io.backupcharms.schema.ClientsLeftOut;
import io.backupcharms.schema.UnitPasswords;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State in, event, state out: one test per outcome an operator sees. */
class BaculaFdCharmTest {
  private static final String SECRET = "secret:cs1vq2gd5n0c7a9h3kqg";
  private static final String NAME = "relation-test-model-myapp-0-000000000001-fd";
  private static final String NOOP = "/var/lib/bacula-fd-charm/noop";
  private static final String ADDRESS = "10.1.2.3";

  private FakeFileDaemonHost host;
  private Context ctx;

  @BeforeEach
  void setUp() {
    host = new FakeFileDaemonHost();
    ctx =
        Context.fromCharmDir(fw -> new BaculaFdCharm(fw, host), Path.of(""))
            .withUnit("bacula-fd/0");
  }

  private static RelationState jujuInfo() {
    return RelationState.subordinate("juju-info", 1, "myapp/0", Map.of("ingress-address", ADDRESS));
  }

  private static RelationState backup(Map<String, String> targetApp) {
    return RelationState.subordinate(
            "backup", 2, "backup-integrator/0", Map.of("ingress-address", ADDRESS))
        .withRemoteAppData(targetApp);
  }

  private static RelationState director(Map<String, String> serverApp) {
    return RelationState.of("bacula-dir", 3, "bacula-server")
        .withRemoteUnit("bacula-server/0", Map.of("ingress-address", "10.1.2.9"))
        .withRemoteAppData(serverApp)
        .withLocalUnitData(Map.of("ingress-address", ADDRESS));
  }

  private static final Map<String, String> TARGET =
      Map.of(
          "fileset",
          "/srv/demo/files,/srv/demo/dump",
          "run-before-backup",
          "/var/lib/backup-integrator/demo/run-before-backup");
  private static final Map<String, String> SERVER =
      Map.of("name", "charm-bacula-dir", "password", SECRET);

  private State ready() {
    return State.empty()
        .withRelation(jujuInfo())
        .withRelation(backup(TARGET))
        .withRelation(director(SERVER))
        .withSecret(SecretState.consumed(SECRET, Map.of("password", "dir-pw")));
  }

  private Status run(State state) {
    return ctx.run(ctx.on().configChanged(), state).unitStatus();
  }

  @Test
  void withoutABackupRelationItWaitsForOne() {
    assertEquals(
        new WaitingStatus("waiting for backup relation"),
        run(State.empty().withRelation(jujuInfo())));
  }

  @Test
  void installsTheFileDaemonWhenMissingAndSaysSo() {
    host.installed = false;
    ctx.run(ctx.on().install(), State.empty().withRelation(jujuInfo()));
    assertEquals(1, host.installs);
    assertTrue(
        ctx.unitStatusHistory().contains(new MaintenanceStatus("installing bacula-fd")),
        () -> "history: " + ctx.unitStatusHistory());
  }

  @Test
  void anEmptyBackupBagWaitsForData() {
    assertEquals(
        new WaitingStatus("waiting for backup relation data"),
        run(State.empty().withRelation(jujuInfo()).withRelation(backup(Map.of()))));
  }

  @Test
  void aFilesetInTheTargetsUnitDatabagIsNamedAsTheMistakeItIs() {
    RelationState handWritten =
        RelationState.subordinate("backup", 2, "pyapp/0", Map.of("fileset", "/srv/data"));
    Status status =
        run(
            State.empty()
                .withRelation(jujuInfo())
                .withRelation(handWritten)
                .withRelation(director(SERVER))
                .withSecret(SecretState.consumed(SECRET, Map.of("password", "dir-pw"))));
    assertEquals(
        new WaitingStatus(
            "waiting for backup relation data: pyapp/0 published fileset in its unit databag; the"
                + " leader of pyapp must publish it in the application databag (relation-set"
                + " --app)"),
        status);
  }

  @Test
  void hostileBackupDataBlocksWithEveryProblemNamed() {
    Status status =
        run(
            State.empty()
                .withRelation(jujuInfo())
                .withRelation(
                    backup(
                        Map.of(
                            "fileset",
                            "var/lib/x,/srv/ok\n} Job {",
                            "run-after-restore",
                            "relative/script"))));
    assertTrue(status instanceof BlockedStatus, () -> "blocked, not " + status);
    assertTrue(status.message().startsWith("invalid backup relation data: "), status.message());
    assertTrue(status.message().contains("\"var/lib/x\" is relative"), status.message());
    assertTrue(status.message().contains("control character"), status.message());
    assertTrue(status.message().contains("run-after-restore"), status.message());
    assertFalse(status.message().contains("\n"), "the newline is shown escaped, never raw");
  }

  @Test
  void aScriptPathBaculaWouldSplitBlocksHereAndWithdrawsTheClient() {
    Map<String, String> target = new LinkedHashMap<>(TARGET);
    target.put("run-before-backup", "/srv/my scripts/before backup");
    State out =
        ctx.run(
            ctx.on().configChanged(),
            State.empty()
                .withRelation(jujuInfo())
                .withRelation(backup(target))
                .withRelation(director(Map.of())));
    assertEquals(
        new BlockedStatus(
            "invalid backup relation data: run-before-backup \"/srv/my scripts/before backup\""
                + " cannot be run by Bacula as one command: use an absolute path of letters, digits"
                + " and _.+@=/- only (no spaces, quotes or %)"),
        out.unitStatus());
    assertFalse(
        out.relation("bacula-dir").orElseThrow().localUnitData().containsKey("name"),
        "nothing is offered to the Director for a client it would refuse");
  }

  @Test
  void scriptsFromACharmOnAnotherMachineAreRefusedNamingTheKey() {
    RelationState elsewhere =
        RelationState.of("backup", 2, "elsewhere")
            .withRemoteUnit("elsewhere/0", Map.of("ingress-address", "10.9.9.9"))
            .withRemoteAppData(Map.of("fileset", "/etc", "run-before-backup", "/sbin/reboot"));
    State out = ctx.run(ctx.on().configChanged(), ready().withRelation(elsewhere));
    assertEquals(
        new BlockedStatus(
            "run-before-backup from elsewhere refused: elsewhere/0 is not on this machine;"
                + " bacula-fd runs scripts as root only from myapp or a subordinate beside it over"
                + " a container-scoped relation. Remove the backup relation and integrate it again"
                + " (it is container-scoped now), or remove the script keys"),
        out.unitStatus());
    assertFalse(
        out.relation("bacula-dir")
            .orElseThrow()
            .localUnitData()
            .containsKey("client-run-before-backup"),
        "the Director is never told to run it");
  }

  @Test
  void scriptsOverAGlobalRelationReachingSeveralUnitsAreRefused() {
    RelationState global =
        backup(TARGET).withRemoteUnit("backup-integrator/1", Map.of("ingress-address", "10.1.2.4"));
    Status status = run(ready().withRelation(global));
    assertTrue(
        status
            .message()
            .startsWith(
                "run-before-backup from backup-integrator refused: the relation"
                    + " reaches 2 of its units, so it is not container-scoped;"),
        status.message());
  }

  @Test
  void aPrincipalSpeakingBackupItselfMayNameScriptsFromAnyOfItsUnits() {
    RelationState direct =
        RelationState.of("backup", 2, "myapp")
            .withRemoteUnit("myapp/0", Map.of("ingress-address", ADDRESS))
            .withRemoteUnit("myapp/1", Map.of("ingress-address", "10.1.2.4"))
            .withRemoteAppData(TARGET);
    State out = ctx.run(ctx.on().configChanged(), ready().withRelation(direct));
    assertEquals(
        "/var/lib/backup-integrator/demo/run-before-backup",
        out.relation("bacula-dir").orElseThrow().localUnitData().get("client-run-before-backup"));
  }

  @Test
  void aFilesetWithoutScriptsIsAcceptedFromAnywhere() {
    RelationState elsewhere =
        RelationState.of("backup", 2, "elsewhere")
            .withRemoteUnit("elsewhere/0", Map.of("ingress-address", "10.9.9.9"))
            .withRemoteAppData(Map.of("fileset", "/etc"));
    State out = ctx.run(ctx.on().configChanged(), ready().withRelation(elsewhere));
    assertEquals("/etc", out.relation("bacula-dir").orElseThrow().localUnitData().get("fileset"));
  }

  @Test
  void withoutTheDirectorRelationItWaitsAndKeepsNoDaemonRunning() {
    Status status = run(State.empty().withRelation(jujuInfo()).withRelation(backup(TARGET)));
    assertEquals(new WaitingStatus("waiting for bacula-dir relation"), status);
    assertEquals(1, host.stops);
  }

  @Test
  void publishesTheReferenceUnitBagBeforeTheServerAnswers() {
    State out =
        ctx.run(
            ctx.on().configChanged(),
            State.empty()
                .withRelation(jujuInfo())
                .withRelation(backup(TARGET))
                .withRelation(director(Map.of())));
    assertEquals(new WaitingStatus("waiting for bacula-dir relation data"), out.unitStatus());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("ingress-address", ADDRESS);
    expected.put("name", NAME);
    expected.put("fileset", "/srv/demo/files,/srv/demo/dump");
    expected.put("port", "9102");
    expected.put("client-run-before-backup", "/var/lib/backup-integrator/demo/run-before-backup");
    expected.put("client-run-after-backup", NOOP);
    expected.put("client-run-before-restore", NOOP);
    expected.put("client-run-after-restore", NOOP);
    assertEquals(expected, out.relation("bacula-dir").orElseThrow().localUnitData());
    // The Director runs the scripts the bag names, so the no-op one must be on the machine.
    assertEquals(1, host.noopInstalls);
  }

  @Test
  void whenTheTargetGoesAwayTheClientIsWithdrawnFromTheDirector() {
    State served = ctx.run(ctx.on().configChanged(), ready());
    // In relation-broken the relation is still in the state, and the model no longer lists it.
    State gone = ctx.run(ctx.on().relationBroken(served.relation("backup").orElseThrow()), served);
    assertEquals(new WaitingStatus("waiting for backup relation"), gone.unitStatus());
    assertEquals(
        Map.of("ingress-address", ADDRESS),
        gone.relation("bacula-dir").orElseThrow().localUnitData());
  }

  @Test
  void theScheduleIsPublishedWhenSetAndRemovedWhenCleared() {
    State scheduled =
        ctx.run(
            ctx.on().configChanged(),
            ready()
                .withConfig(
                    Map.of(
                        "schedule",
                        "Level=Full sun at 01:00 , Level=Incremental mon-sat at 01:00")));
    assertEquals(
        "Level=Full sun at 01:00, Level=Incremental mon-sat at 01:00",
        scheduled.relation("bacula-dir").orElseThrow().localUnitData().get("schedule"));
    State cleared = ctx.run(ctx.on().configChanged(), scheduled.withConfig(Map.of("schedule", "")));
    assertFalse(
        cleared.relation("bacula-dir").orElseThrow().localUnitData().containsKey("schedule"));
  }

  @Test
  void aPasswordInPlainRelationDataIsRefused() {
    Status status =
        run(
            ready()
                .withRelation(director(Map.of("name", "charm-bacula-dir", "password", "hunter2"))));
    assertTrue(status instanceof BlockedStatus, () -> "blocked, not " + status);
    assertTrue(
        status.message().startsWith("invalid bacula-dir relation data: password"),
        status.message());
    assertFalse(
        status.message().contains("hunter2"),
        "a password in plain data is never echoed: " + status.message());
  }

  @Test
  void aSecretNotGrantedYetIsReadAgainForSecondsThenWaitedForWithoutPausingEveryHook() {
    State notGranted =
        State.empty()
            .withRelation(jujuInfo())
            .withRelation(backup(TARGET))
            .withRelation(director(SERVER));
    State first = ctx.run(ctx.on().configChanged(), notGranted);
    assertEquals(
        new WaitingStatus("waiting for access to the Director's password secret " + SECRET),
        first.unitStatus());
    assertEquals(
        GrantedSecret.WAITS,
        host.pauses,
        "the grant may land seconds after the id: read again meanwhile");
    assertEquals(SECRET, first.storedCharm().get(GrantedSecret.REFUSED));

    host.pauses.clear();
    State second = ctx.run(ctx.on().updateStatus(), first);
    assertEquals(first.unitStatus(), second.unitStatus());
    assertEquals(
        List.of(), host.pauses, "a refusal that outlasted the wait is not waited for again");
  }

  @Test
  void aSecretGrantedAfterARefusalIsReadAtOnceAndTheRefusalForgotten() {
    State refusedBefore = ready().withStored(Map.of(GrantedSecret.REFUSED, SECRET));
    State out = ctx.run(ctx.on().configChanged(), refusedBefore);
    assertEquals(new ActiveStatus("ready; no backup yet"), out.unitStatus());
    assertEquals(List.of(), host.pauses);
    assertFalse(out.storedCharm().containsKey(GrantedSecret.REFUSED));
  }

  @Test
  void whenEverythingIsThereItServesTheDirectorOnTheIngressAddress() {
    State out = ctx.run(ctx.on().configChanged(), ready());
    assertEquals(new ActiveStatus("ready; no backup yet"), out.unitStatus());
    assertEquals(ADDRESS, host.lastConfig.fileDaemon().address());
    assertEquals(9102, host.lastConfig.fileDaemon().port());
    assertEquals(NAME, host.lastConfig.fileDaemon().name());
    assertEquals(
        List.of(
            DirectorAccess.of("charm-bacula-dir", "dir-pw"),
            new DirectorAccess(DaemonSetup.MONITOR_NAME, "monitor-pw", true, null)),
        host.lastConfig.directors());
    assertEquals(Set.of(Port.tcp(9102)), out.openedPorts());
    assertTrue(host.running);
  }

  @Test
  void aCertificateInItsOwnSecretTurnsTlsOnAndItSaysSo() {
    String own = "secret:cs1vq2gd5n0c7a9h3kr0";
    Map<String, String> server = new HashMap<>(SERVER);
    server.put("unit-passwords", "{\"bacula-fd/0\":\"" + own + "\"}");
    Map<String, String> content =
        new HashMap<>(
            Map.of(
                "password",
                "unit-0-pw",
                "tls-key",
                "KEY",
                "tls-certificate",
                "CERT",
                "tls-ca",
                "CA",
                "tls-address",
                ADDRESS));
    State out =
        ctx.run(
            ctx.on().configChanged(),
            ready().withRelation(director(server)).withSecret(SecretState.consumed(own, content)));
    String fp = new KeyAndCertificate("KEY", "CERT").fingerprint();
    Tls tls =
        Tls.required(
            "/etc/bacula/fd-tls/ca.pem",
            "/etc/bacula/fd-tls/fd-" + fp + ".pem",
            "/etc/bacula/fd-tls/fd-" + fp + ".key");
    assertEquals(tls, host.lastConfig.fileDaemon().tls(), "TLS towards the Storage Daemon");
    assertEquals(
        List.of(
            DirectorAccess.of("charm-bacula-dir", "unit-0-pw").withTls(tls),
            new DirectorAccess(DaemonSetup.MONITOR_NAME, "monitor-pw", true, null)),
        host.lastConfig.directors(),
        "the Director must use TLS; the local status-only entry stays plain");
    assertEquals("KEY", host.tlsKey);
    assertEquals("required", out.relation(3).orElseThrow().localUnitData().get("tls"));
    assertEquals(
        UnitPasswords.fingerprint("CA"),
        out.relation(3).orElseThrow().localUnitData().get("tls-trust"),
        "says which authorities it trusts");

    // A renewed certificate changes bacula-fd.conf, whose restart would kill a running job: it
    // waits.
    host.runningJobs = 1;
    Map<String, String> renewed = new HashMap<>(content);
    renewed.putAll(Map.of("tls-key", "KEY2", "tls-certificate", "CERT2"));
    State busy =
        ctx.run(
            ctx.on().updateStatus(),
            ready().withRelation(director(server)).withSecret(SecretState.consumed(own, renewed)));
    assertEquals(
        tls,
        host.lastConfig.fileDaemon().tls(),
        "the running daemon keeps its certificate while a job runs");
    assertTrue(
        busy.unitStatus().message().contains("waits for 1 running job"),
        busy.unitStatus().message());
    host.runningJobs = 0;
    ctx.run(
        ctx.on().updateStatus(),
        ready().withRelation(director(server)).withSecret(SecretState.consumed(own, renewed)));
    String fp2 = new KeyAndCertificate("KEY2", "CERT2").fingerprint();
    assertEquals(
        "/etc/bacula/fd-tls/fd-" + fp2 + ".pem",
        host.lastConfig.fileDaemon().tls().certificate(),
        "once the job ended, the renewed certificate is in bacula-fd.conf, so the restart loads"
            + " it");

    // A certificate for another address would fail the Director's check: wait for the new one.
    content.put("tls-address", "10.9.9.9");
    State moved =
        ctx.run(
            ctx.on().configChanged(),
            ready().withRelation(director(server)).withSecret(SecretState.consumed(own, content)));
    assertEquals(null, host.lastConfig.fileDaemon().tls());
    assertFalse(moved.relation(3).orElseThrow().localUnitData().containsKey("tls"));
  }

  /**
   * Security, encryption at rest: the keys from its own secret, and a recovery key only while a
   * restore needs it.
   */
  @Test
  void dataKeysInItsOwnSecretTurnEncryptionOnAndARecoveryKeyReplacesItsOwnOnlyWhileARestoreWaits() {
    String own = "secret:cs1vq2gd5n0c7a9h3kr0";
    Map<String, String> server = new HashMap<>(SERVER);
    server.put("unit-passwords", "{\"bacula-fd/0\":\"" + own + "\"}");
    KeyAndCertificate mine = new KeyAndCertificate("MY-KEY", "MY-CERT");
    Map<String, String> content =
        new HashMap<>(
            Map.of(
                "password",
                "unit-0-pw",
                "pki-key",
                "MY-KEY",
                "pki-certificate",
                "MY-CERT",
                "pki-master-certificate",
                "MASTER-CERT"));
    State out =
        ctx.run(
            ctx.on().configChanged(),
            ready().withRelation(director(server)).withSecret(SecretState.consumed(own, content)));
    assertEquals(mine, host.pkiKeypair);
    assertEquals(
        "/etc/bacula/fd-pki/keypair-" + mine.fingerprint() + ".pem",
        host.lastConfig.fileDaemon().pki().keypair(),
        "bacula-fd.conf encrypts with the unit's key pair");
    assertEquals(
        mine.fingerprint(),
        out.relation(3).orElseThrow().localUnitData().get("pki-keypair"),
        "the server learns which key the File Daemon holds, never the key");
    assertFalse(out.unitStatus().message().contains("holds the key"));
    assertEquals(
        UnitPasswords.fingerprint("unit-0-pw"),
        out.relation(3).orElseThrow().localUnitData().get("password-applied"),
        "after rotate-passwords the Director waits for this before it uses the new password");

    content.putAll(
        Map.of(
            "pki-recovery-key",
            "LOST-KEY",
            "pki-recovery-certificate",
            "LOST-CERT",
            "pki-recovery-for",
            "myapp/0"));
    State recovering =
        ctx.run(
            ctx.on().configChanged(),
            ready().withRelation(director(server)).withSecret(SecretState.consumed(own, content)));
    KeyAndCertificate lost = new KeyAndCertificate("LOST-KEY", "LOST-CERT");
    assertEquals(lost, host.pkiKeypair);
    assertEquals(
        lost.fingerprint(),
        recovering.relation(3).orElseThrow().localUnitData().get("pki-keypair"));
    assertTrue(
        recovering.unitStatus().message().startsWith("holds the key to restore myapp/0"),
        recovering.unitStatus().message());

    content.keySet().removeIf(k -> k.startsWith("pki-recovery"));
    State back =
        ctx.run(
            ctx.on().configChanged(), recovering.withSecret(SecretState.consumed(own, content)));
    assertEquals(mine, host.pkiKeypair, "after the restore it encrypts for its own key again");
    assertEquals(
        mine.fingerprint(), back.relation(3).orElseThrow().localUnitData().get("pki-keypair"));
  }

  @Test
  void withItsOwnSecretPublishedItAcceptsOnlyThatPasswordAndSaysSo() {
    String own = "secret:cs1vq2gd5n0c7a9h3kr0";
    Map<String, String> server = new HashMap<>(SERVER);
    server.put(
        "unit-passwords",
        "{\"bacula-fd/0\":\"" + own + "\",\"bacula-fd/1\":\"secret:cs1vq2gd5n0c7a9h3krg\"}");
    State state =
        ready()
            .withRelation(director(server))
            .withSecret(SecretState.consumed(own, Map.of("password", "unit-0-pw")));
    State out = ctx.run(ctx.on().configChanged(), state);
    assertEquals(new ActiveStatus("ready; no backup yet"), out.unitStatus());
    assertEquals(
        List.of(
            DirectorAccess.of("charm-bacula-dir", "unit-0-pw"),
            new DirectorAccess(DaemonSetup.MONITOR_NAME, "monitor-pw", true, null)),
        host.lastConfig.directors(),
        "the relation's password, which every sibling can read, opens nothing here");
    assertEquals("unit", out.relation(3).orElseThrow().localUnitData().get("password-scope"));

    server.put("unit-passwords", "{\"bacula-fd/0\":\"hunter2\"}");
    Status bad = run(ready().withRelation(director(server)));
    assertEquals("blocked", bad.name());
    assertTrue(
        bad.message().contains("unit-passwords") && !bad.message().contains("hunter2"),
        bad.message());
  }

  @Test
  void aSecondFileDaemonUnitOnTheMachineIsBlockedAndTouchesNothingOfTheFirst() {
    host.owner = "other-fd/3";
    host.liveConfig = "the first unit's configuration";
    host.running = true;
    State out = ctx.run(ctx.on().configChanged(), ready());
    assertEquals("blocked", out.unitStatus().name());
    assertTrue(
        out.unitStatus().message().startsWith("this machine's File Daemon belongs to other-fd/3"),
        out.unitStatus().message());
    assertEquals("the first unit's configuration", host.liveConfig);
    assertEquals(0, host.restarts);
    assertTrue(
        out.relation(3).orElseThrow().localUnitData().get("name") == null,
        "it offers the Director no client of its own");
    ctx.run(ctx.on().stop(), out);
    ctx.run(ctx.on().remove(), out);
    assertEquals(0, host.stops, "its removal leaves the first unit's daemon running");
    assertTrue(host.running);
    assertEquals("other-fd/3", host.owner);
  }

  @Test
  void theOwnerGivesTheMachineUpWhenItIsRemoved() {
    State out = ctx.run(ctx.on().configChanged(), ready());
    assertEquals("bacula-fd/0", host.owner);
    ctx.run(ctx.on().stop(), out.withRelation(director(SERVER)));
    assertEquals(null, host.owner, "another bacula-fd unit may take the machine over");
    assertTrue(!host.running);
  }

  @Test
  void reconcilingAgainChangesNothingAndRestartsNothing() {
    State first = ctx.run(ctx.on().configChanged(), ready());
    State second = ctx.run(ctx.on().updateStatus(), first);
    assertEquals(1, host.restarts);
    assertEquals(first.relations(), second.relations());
    assertEquals(first.unitStatus(), second.unitStatus());
  }

  @Test
  void theInstalledVersionIsAskedOnceAndTheFileRenderedForIt() {
    State first = ctx.run(ctx.on().configChanged(), ready());
    ctx.run(ctx.on().updateStatus(), first);
    assertEquals(1, host.versionProbes);
    assertEquals(BaculaVersion.V9_6_7, host.appliedVersion);
  }

  @Test
  void anUpgradedPackageIsAskedAgainAndItsVersionRenderedFor() {
    State first = ctx.run(ctx.on().configChanged(), ready());
    host.version = BaculaVersion.V13_0_3;
    host.binaryStamp = "1200/2/(dev=1,ino=2)";
    ctx.run(ctx.on().updateStatus(), first);
    assertEquals(2, host.versionProbes);
    assertEquals(BaculaVersion.V13_0_3, host.appliedVersion);
    // bacula-fd.conf reads the same to 13.0 (docs/reference/bacula-versions.md): no restart.
    assertEquals(1, host.restarts);
  }

  @Test
  void upgradeCharmAsksTheDaemonAgain() {
    State first = ctx.run(ctx.on().configChanged(), ready());
    ctx.run(ctx.on().upgradeCharm(), first);
    assertEquals(2, host.versionProbes);
  }

  @Test
  void aDaemonThatPrintsNoVersionBlocksAndNothingIsWritten() {
    host.versionFailure =
        new BaculaException(
            "/usr/sbin/bacula-fd -? exited with 127: no \"Version: X.Y.Z (date)\" line");
    Status status = run(ready());
    assertEquals(
        new BlockedStatus(
            "cannot tell which Bacula the machine has: /usr/sbin/bacula-fd -? exited with 127: no"
                + " \"Version: X.Y.Z (date)\" line; reinstall bacula-fd on it (apt-get install"
                + " --reinstall bacula-fd); the next hook checks again"),
        status);
    assertEquals(null, host.lastConfig);
  }

  @Test
  void aNewPortRestartsTheDaemonOnceAndIsPublished() {
    State first = ctx.run(ctx.on().configChanged(), ready());
    State moved = ctx.run(ctx.on().configChanged(), first.withConfig(Map.of("port", 9200)));
    assertEquals(2, host.restarts);
    assertEquals("9200", moved.relation("bacula-dir").orElseThrow().localUnitData().get("port"));
    assertEquals(Set.of(Port.tcp(9200)), moved.openedPorts());
  }

  @Test
  void publishesTheLastBackupFromTheFileDaemonsOwnList() {
    Instant end = Instant.parse("2026-11-21T22:42:15Z");
    host.jobs =
        List.of(
            new TerminatedJob(7, 'B', 'F', 'T', end, NAME + "-backup"),
            new TerminatedJob(8, 'R', ' ', 'T', end.plusSeconds(60), NAME + "-restore"));
    State out = ctx.run(ctx.on().updateStatus(), ready());
    assertEquals("active", out.unitStatus().name());
    assertTrue(
        out.unitStatus()
            .message()
            .matches("last backup success \\d+[mhd] ago at 2026-11-21T22:42:15Z \\(job 7\\)"),
        out.unitStatus().message());
    Map<String, String> bag = out.relation("backup").orElseThrow().localUnitData();
    assertEquals("2026-11-21T22:42:15Z", bag.get("last-backup-time"));
    assertEquals("success", bag.get("last-backup-status"));
    assertEquals("7", bag.get("last-backup-job-id"));
  }

  @Test
  void aFailedLastBackupIsPublishedAsFailed() {
    host.jobs =
        List.of(new TerminatedJob(9, 'B', 'I', 'f', Instant.parse("2026-11-21T23:00:00Z"), "b"));
    State out = ctx.run(ctx.on().updateStatus(), ready());
    assertEquals(
        "failed", out.relation("backup").orElseThrow().localUnitData().get("last-backup-status"));
    assertTrue(
        out.unitStatus().message().startsWith("last backup failed"), out.unitStatus().message());
  }

  @Test
  void aFailedVerifyIsPublishedBesideTheBackupAndSaidInTheStatus() {
    host.jobs =
        List.of(
            new TerminatedJob(9, 'B', 'F', 'T', Instant.parse("2026-11-21T23:00:00Z"), "b"),
            new TerminatedJob(
                10, 'V', 'O', 'f', Instant.parse("2026-11-21T23:10:00Z"), NAME + "-verify"));
    State out = ctx.run(ctx.on().updateStatus(), ready());
    Map<String, String> bag = out.relation("backup").orElseThrow().localUnitData();
    assertEquals("success", bag.get("last-backup-status"), "a verify is no backup");
    assertEquals("9", bag.get("last-backup-job-id"));
    assertEquals("failed", bag.get("last-verify-status"));
    assertEquals("10", bag.get("last-verify-job-id"));
    assertEquals("2026-11-21T23:10:00Z", bag.get("last-verify-time"));
    assertTrue(
        out.unitStatus().message().contains("verify job 10 failed"), out.unitStatus().message());

    host.jobs =
        List.of(
            new TerminatedJob(9, 'B', 'F', 'T', Instant.parse("2026-11-21T23:00:00Z"), "b"),
            new TerminatedJob(
                11, 'V', 'O', 'T', Instant.parse("2026-11-22T00:10:00Z"), NAME + "-verify"));
    State again = ctx.run(ctx.on().updateStatus(), out);
    assertEquals(
        "success",
        again.relation("backup").orElseThrow().localUnitData().get("last-verify-status"));
    assertFalse(again.unitStatus().message().contains("verify"), again.unitStatus().message());
  }

  @Test
  void aFileDaemonTheServerLeavesOutIsBlockedWithTheServersReasonAndKeepsServing() {
    String reason =
        "two units claim name \""
            + NAME
            + "\": rogue/0 (bacula-dir:7) and bacula-fd/0"
            + " (bacula-dir:3); remove the wrong relation";
    Map<String, String> server = new HashMap<>(SERVER);
    server.put(
        ClientsLeftOut.KEY,
        ClientsLeftOut.encode(Map.of("bacula-fd/0", reason, "bacula-fd/1", "other")));
    State out =
        ctx.run(
            ctx.on().relationChanged(director(server), "bacula-server/0"),
            ready().withRelation(director(server)));
    assertEquals(
        new BlockedStatus(
            "bacula-server leaves this File Daemon out, so nothing backs it up: " + reason),
        out.unitStatus());
    assertTrue(host.running, "the daemon keeps running, ready for when the server takes it back");

    State back =
        ctx.run(
            ctx.on().relationChanged(director(SERVER), "bacula-server/0"),
            out.withRelation(director(SERVER)));
    assertEquals(new ActiveStatus("ready; no backup yet"), back.unitStatus());
  }

  @Test
  void anotherUnitLeftOutOrAnUnreadableListLeavesThisUnitActive() {
    for (String value :
        new String[] {ClientsLeftOut.encode(Map.of("bacula-fd/1", "other")), "{not json"}) {
      Map<String, String> server = new HashMap<>(SERVER);
      server.put(ClientsLeftOut.KEY, value);
      assertEquals(
          new ActiveStatus("ready; no backup yet"),
          run(ready().withRelation(director(server))),
          value);
    }
  }

  @Test
  void anUnansweredStatusQueryKeepsTheUnitActiveAndSaysWhy() {
    host.monitorFailure = new IOException("Connection refused");
    Status status = run(ready());
    assertEquals(
        new ActiveStatus("ready; last backup unknown (File Daemon status: Connection refused)"),
        status);
  }

  @Test
  void badConfigBlocksWithEveryProblem() {
    Status status = run(ready().withConfig(Map.of("port", 0, "schedule", "daily {")));
    assertTrue(status instanceof BlockedStatus, () -> "blocked, not " + status);
    assertTrue(
        status.message().startsWith("invalid config: port 0 is out of range"), status.message());
    assertTrue(status.message().contains("schedule run \"daily {\""), status.message());
  }

  @Test
  void aConfigTheDaemonRejectsBlocksWithTheReferenceMessage() {
    host.applyFailure =
        new BaculaException("bacula-fd -t rejected the new configuration\nline 3: bad");
    Status status = run(ready());
    assertEquals(
        new BlockedStatus(
            "failed to apply bacula configuration: bacula-fd -t rejected the new configuration"),
        status);
  }
}
