package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.model.GrantedSecret;
import io.backupcharms.ops.model.Port;
import io.backupcharms.ops.testing.Context;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.SecretState;
import io.backupcharms.ops.testing.State;
import io.backupcharms.server.workload.ServerTlsFiles;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator sees after each hook, with the real Bacula validators on a temp directory. */
class CharmStateTest extends ServerStateTest {

  static final String UUID = "0d3f5a4e-1c2b-4a5d-9e8f-7a6b5c4d3e2f";
  static final String FD0 = "relation-prod-myapp-0-7a6b5c4d3e2f-fd";

  static Map<String, String> fdBag(String name, String address) {
    Map<String, String> bag = new HashMap<>();
    bag.put("name", name);
    bag.put("fileset", "/srv/myapp,/etc/myapp");
    bag.put("port", "9102");
    bag.put("client-run-before-backup", "/usr/local/lib/backup-integrator/run-before-backup");
    bag.put("client-run-after-backup", "/usr/local/lib/backup-integrator/noop");
    bag.put("client-run-before-restore", "/usr/local/lib/backup-integrator/noop");
    bag.put("client-run-after-restore", "/usr/local/lib/backup-integrator/run-after-restore");
    bag.put("schedule", "Level=Full sun at 01:00, Level=Incremental mon-sat at 01:00");
    bag.put("ingress-address", address);
    return bag;
  }

  static RelationState fdRelation(int id, String app, Map<String, Map<String, String>> units) {
    RelationState r = RelationState.of("bacula-dir", id, app);
    for (var e : units.entrySet()) {
      r = r.withRemoteUnit(e.getKey(), e.getValue());
    }
    return r;
  }

  State leader() {
    return State.empty().withLeader(true);
  }

  @Test
  void aFreshServerWaitsForClientsWithItsDaemonsUpAndPortsOpen() {
    State out = ctx.run(ctx.on().install(), leader());
    assertEquals(
        new WaitingStatus("waiting for clients: integrate bacula-fd with bacula-server"),
        out.unitStatus());
    assertEquals(
        Set.of(Port.tcp(9101), Port.tcp(9103), Port.tcp(9625)),
        out.openedPorts(),
        "the Director, the Storage Daemon and the metrics");
    assertTrue(out.secret("bacula-console").isPresent());
    assertTrue(out.secret("bacula-storage").isPresent());
    assertEquals(List.of("start bacula-sd", "start bacula-director"), workload.daemonCalls);
    assertTrue(workload.directorConfig().contains("DirAddress = 192.0.2.10"));
  }

  @Test
  void aRelatedFileDaemonBecomesAClientWithItsOwnScheduleAndAPublishedSecret() {
    RelationState rel = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", fdBag(FD0, "10.1.1.5")));
    State out = ctx.run(ctx.on().relationChanged(rel, "bacula-fd/0"), leader().withRelation(rel));

    assertEquals(new ActiveStatus("1 client"), out.unitStatus());
    Map<String, String> published = out.relation(7).orElseThrow().localAppData();
    assertEquals("charm-bacula-dir", published.get("name"));
    SecretState secret = out.secret("relation-7").orElseThrow();
    assertEquals(secret.id(), published.get("password"));
    assertEquals(Set.of("bacula-fd"), secret.grants().get(7));
    assertFalse(
        published.containsValue(secret.content().get("password")), "no password in plain data");

    String conf = workload.directorConfig();
    assertTrue(conf.contains("Name = \"relation-prod-myapp-0-7a6b5c4d3e2f-schedule\""), conf);
    assertTrue(conf.contains("Schedule = \"relation-prod-myapp-0-7a6b5c4d3e2f-schedule\""), conf);
    assertTrue(conf.contains("Address = \"10.1.1.5\""), conf);
    assertTrue(conf.contains("Password = \"" + secret.content().get("password") + "\""));
  }

  @Test
  void aUnitThatIsNoLongerLeaderStopsItsDaemonsAndClosesItsPorts() {
    State led = ctx.run(ctx.on().install(), leader());
    assertTrue(
        workload.daemonCalls.contains("start bacula-director"), workload.daemonCalls.toString());
    workload.daemonCalls.clear();
    State after = ctx.run(ctx.on().updateStatus(), led.withLeader(false));
    assertEquals(
        List.of("stop bacula-director", "stop bacula-sd"),
        workload.daemonCalls,
        "two Directors would run every schedule twice and write the same volumes");
    assertEquals(Set.of(), after.openedPorts());
    assertEquals(new WaitingStatus("waiting to be elected leader"), after.unitStatus());
    workload.daemonCalls.clear();
    ctx.run(ctx.on().updateStatus(), after);
    assertEquals(List.of(), workload.daemonCalls, "nothing to stop twice");
  }

  /** Security, TLS: certificates for the address Juju gives each unit, used once it says so. */
  @Test
  void eachFileDaemonUnitGetsACertificateAndTheDirectorUsesTlsWithItOnceItSaysSo() {
    workload.tlsFiles = Optional.of(new ServerTlsFiles(root.resolve("tls")));
    Map<String, String> unit0 = fdBag(FD0, "10.1.1.5");
    unit0.put("password-scope", "unit");
    RelationState rel = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", unit0));
    State out = ctx.run(ctx.on().relationChanged(rel, "bacula-fd/0"), leader().withRelation(rel));

    assertEquals(new ActiveStatus("1 client"), out.unitStatus());
    assertTrue(out.secret("bacula-ca").isPresent(), "the authority is a secret of the application");
    Map<String, String> own = out.secret("fd-7-bacula-fd-0").orElseThrow().content();
    assertEquals("10.1.1.5", own.get("tls-address"));
    assertTrue(
        own.get("tls-certificate").startsWith("-----BEGIN CERTIFICATE-----"),
        own.get("tls-certificate"));
    assertTrue(own.get("tls-key").startsWith("-----BEGIN PRIVATE KEY-----"));
    assertTrue(
        section(workload.directorConfig(), "Director").contains("TLS Require = yes"),
        "the Director requires TLS of consoles");
    assertFalse(
        section(workload.directorConfig(), "Client \"" + FD0).contains("TLS"),
        "not towards a File Daemon that has not applied its certificate yet");

    unit0.put("tls", "required");
    RelationState applied = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", unit0));
    ctx.run(ctx.on().relationChanged(applied, "bacula-fd/0"), out.withRelation(applied));
    assertTrue(
        section(workload.directorConfig(), "Client \"" + FD0).contains("TLS Require = yes"),
        () -> section(workload.directorConfig(), "Client \"" + FD0));
    assertTrue(
        section(workload.directorConfig(), "Storage").contains("TLS Require = yes"),
        "every client does TLS, so the Storage Daemon requires it");
  }

  /** The resource of bacula-dir.conf whose Name line starts with {@code kindAndName}'s name. */
  private static String section(String conf, String kindAndName) {
    String kind = kindAndName.split(" ")[0];
    int i =
        kindAndName.contains(" ")
            ? conf.indexOf("Name = " + kindAndName.substring(kind.length() + 1))
            : conf.indexOf(kind + " {");
    return conf.substring(i, conf.indexOf('}', i));
  }

  /** Security L5: one password per pairing, so knowing one opens nothing else. */
  @Test
  void noPasswordIsSharedBetweenResources() throws Exception {
    Map<String, String> unit0 = fdBag(FD0, "10.1.1.5");
    unit0.put("password-scope", "unit");
    Map<String, String> unit1 = fdBag("relation-prod-myapp-1-7a6b5c4d3e2f-fd", "10.1.1.6");
    unit1.put("password-scope", "unit");
    RelationState rel =
        fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", unit0, "bacula-fd/1", unit1));
    ctx.run(ctx.on().relationChanged(rel, "bacula-fd/0"), leader().withRelation(rel));

    Pattern password = Pattern.compile("Password = \"([^\"]*)\"");
    List<String> director = new ArrayList<>();
    password.matcher(workload.directorConfig()).results().forEach(m -> director.add(m.group(1)));
    assertEquals(
        5, director.size(), "Director, Storage, housekeeping and two clients: " + director.size());
    assertEquals(
        5, Set.copyOf(director).size(), "every resource of bacula-dir.conf has its own password");
    String sd = Files.readString(workload.layout().storageConfig());
    List<String> storage = password.matcher(sd).results().map(m -> m.group(1)).toList();
    assertEquals(1, storage.size());
    assertEquals(
        1,
        director.stream().filter(storage.get(0)::equals).count(),
        "the Storage Daemon's password pairs with the Director's Storage resource only");
  }

  @Test
  void eachFileDaemonUnitGetsItsOwnPasswordGrantedToItAlone() {
    String fd1 = "relation-prod-myapp-1-7a6b5c4d3e2f-fd";
    Map<String, String> ownPassword = fdBag(FD0, "10.1.1.5");
    ownPassword.put("password-scope", "unit");
    RelationState rel =
        fdRelation(
            7,
            "bacula-fd",
            Map.of("bacula-fd/0", ownPassword, "bacula-fd/1", fdBag(fd1, "10.1.1.6")));
    State out = ctx.run(ctx.on().relationChanged(rel, "bacula-fd/0"), leader().withRelation(rel));

    assertEquals(new ActiveStatus("2 clients"), out.unitStatus());
    SecretState own0 = out.secret("fd-7-bacula-fd-0").orElseThrow();
    SecretState own1 = out.secret("fd-7-bacula-fd-1").orElseThrow();
    assertEquals(Map.of(7, Set.of("bacula-fd/0")), own0.grants(), "granted to its unit alone");
    assertEquals(Map.of(7, Set.of("bacula-fd/1")), own1.grants());
    assertEquals(
        "{\"bacula-fd/0\":\"" + own0.id() + "\",\"bacula-fd/1\":\"" + own1.id() + "\"}",
        out.relation(7).orElseThrow().localAppData().get("unit-passwords"));
    String relationPassword = out.secret("relation-7").orElseThrow().content().get("password");
    String conf = workload.directorConfig();
    String client0 =
        conf.substring(conf.indexOf("Name = \"relation-prod-myapp-0-7a6b5c4d3e2f-fd\""));
    client0 = client0.substring(0, client0.indexOf('}'));
    assertTrue(
        client0.contains("Password = \"" + own0.content().get("password") + "\""),
        "a File Daemon that accepts only its own password is reached with it: " + client0);
    assertFalse(conf.contains(own1.content().get("password")), "bacula-fd/1 has not switched yet");
    assertTrue(
        conf.contains("Password = \"" + relationPassword + "\""),
        "bacula-fd/1 keeps the relation's");

    State gone =
        ctx.run(
            ctx.on()
                .relationDeparted(
                    rel.withoutRemoteUnit("bacula-fd/1"), "bacula-fd/1", "bacula-fd/1"),
            out.withRelation(rel.withoutRemoteUnit("bacula-fd/1")));
    assertTrue(gone.secret("fd-7-bacula-fd-1").isEmpty(), "a departed unit's password is removed");
    assertTrue(gone.secret("fd-7-bacula-fd-0").isPresent());
  }

  @Test
  void anInvalidClientIsLeftOutAndNamedWhileTheOthersKeepWorking() {
    Map<String, String> bad = fdBag("relation-prod-other-1-7a6b5c4d3e2f-fd", "10.1.1.6");
    bad.put("fileset", "var/lib/other");
    RelationState good = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", fdBag(FD0, "10.1.1.5")));
    RelationState hostile = fdRelation(8, "other-fd", Map.of("other-fd/1", bad));
    State out =
        ctx.run(
            ctx.on().relationChanged(hostile, "other-fd/1"),
            leader().withRelation(good).withRelation(hostile));

    String message = out.unitStatus().message();
    assertEquals("blocked", out.unitStatus().name());
    assertTrue(
        message.startsWith(
            "invalid client data, client left out: relation bacula-dir:8 (other-fd/1): fileset path"
                + " \"var/lib/other\" is relative"),
        message);
    String conf = workload.directorConfig();
    assertTrue(conf.contains(FD0), "the good client stays");
    assertFalse(conf.contains("relation-prod-other-1"), "the bad one is left out");
  }

  @Test
  void aDepartedClientIsRemovedAndAGoneRelationsSecretIsDeleted() {
    RelationState rel = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", fdBag(FD0, "10.1.1.5")));
    State related =
        ctx.run(ctx.on().relationChanged(rel, "bacula-fd/0"), leader().withRelation(rel));
    assertTrue(workload.directorConfig().contains(FD0));

    RelationState departed = related.relation(7).orElseThrow().withoutRemoteUnit("bacula-fd/0");
    State afterDepart =
        ctx.run(
            ctx.on().relationDeparted(departed, "bacula-fd/0", "bacula-fd/0"),
            related.withRelations(List.of(departed)));
    // Its jobs go; a bare Client resource stays so its backups can be restored onto another unit.
    String stem = FD0.substring(0, FD0.length() - 3);
    assertFalse(workload.directorConfig().contains(stem + "-backup"), workload.directorConfig());
    assertFalse(workload.directorConfig().contains("10.1.1.5"), "nothing reaches the old address");
    assertTrue(
        workload.directorConfig().contains("Name = \"" + FD0 + "\""), workload.directorConfig());
    assertTrue(workload.daemonCalls.contains("reload bacula-director"));

    State gone = ctx.run(ctx.on().updateStatus(), afterDepart.withRelations(List.of()));
    assertTrue(gone.secret("relation-7").isEmpty(), "the relation's secret is removed");
    assertEquals(
        new WaitingStatus("waiting for clients: integrate bacula-fd with bacula-server"),
        gone.unitStatus());
  }

  @Test
  void aSecondUnitIsBlockedWithTheCommandToFixIt() {
    RelationState peers =
        RelationState.peer("bacula-server-peers", 1).withRemoteUnit("bacula-server/1", Map.of());
    State out = ctx.run(ctx.on().updateStatus(), leader().withRelation(peers));
    assertEquals(
        new BlockedStatus(
            "bacula-server runs as one unit only; remove the others with: juju remove-unit"
                + " bacula-server/1"),
        out.unitStatus());

    Context second = ctx.withUnit("bacula-server/1");
    RelationState fromOne =
        RelationState.peer("bacula-server-peers", 1).withRemoteUnit("bacula-server/0", Map.of());
    State other = second.run(second.on().updateStatus(), State.empty().withRelation(fromOne));
    assertEquals(
        new BlockedStatus(
            "bacula-server runs as one unit only and this one is idle; remove it with: juju"
                + " remove-unit bacula-server/1"),
        other.unitStatus());
    assertTrue(other.openedPorts().isEmpty(), "the idle unit runs nothing");
  }

  @Test
  void aBadRetentionBlocksNamingTheOption() {
    State out =
        ctx.run(ctx.on().configChanged(), leader().withConfig(Map.of("file-retention", "forever")));
    assertEquals(
        new BlockedStatus(
            "config file-retention \"forever\" is not a duration; use e.g. \"60 days\", \"6"
                + " months\" or \"1 year\""),
        out.unitStatus());
  }

  @Test
  void anUnreachablePostgresqlBlocksAndTheServerKeepsItsSqliteCatalog() {
    RelationState db =
        RelationState.of("database", 9, "postgresql")
            .withRemoteAppData(
                Map.of("endpoints", "127.0.0.1:1", "username", "bacula", "password", "pw"));
    State out = ctx.run(ctx.on().relationChanged(db), leader().withRelation(db));
    assertEquals("blocked", out.unitStatus().name());
    assertTrue(
        out.unitStatus().message().startsWith("catalog: cannot reach PostgreSQL at 127.0.0.1:1"),
        out.unitStatus().message());
    assertEquals("bacula", out.relation(9).orElseThrow().localAppData().get("database"));
    assertFalse(out.unitStatus().message().contains("pw"));
    assertTrue(workload.directorConfig().contains("dbname = \"bacula\""));
  }

  @Test
  void anInvalidValueFromTheDatabaseRelationBlocksNamingTheKeyAndLeavesTheDirectorAlone() {
    State served = ctx.run(ctx.on().install(), leader());
    String before = workload.directorConfig();
    List<Map.Entry<String, Map<String, String>>> hostile =
        List.of(
            Map.entry(
                "endpoints",
                Map.of(
                    "endpoints",
                    "db\"\n  Password = x:5432",
                    "username",
                    "bacula",
                    "password",
                    "pw")),
            Map.entry(
                "endpoints",
                Map.of("endpoints", "10.0.0.9:99999", "username", "bacula", "password", "pw")),
            Map.entry(
                "database",
                Map.of(
                    "endpoints",
                    "10.0.0.9:5432",
                    "database",
                    "bacula\"; x",
                    "username",
                    "bacula",
                    "password",
                    "pw")),
            Map.entry(
                "username",
                Map.of("endpoints", "10.0.0.9:5432", "username", "a b\nc", "password", "pw")),
            Map.entry(
                "password",
                Map.of("endpoints", "10.0.0.9:5432", "username", "bacula", "password", "p\nw")));
    for (var e : hostile) {
      RelationState db =
          RelationState.of("database", 9, "postgresql").withRemoteAppData(e.getValue());
      State out = ctx.run(ctx.on().relationChanged(db), served.withRelation(db));
      assertEquals("blocked", out.unitStatus().name(), e.toString());
      assertTrue(
          out.unitStatus().message().startsWith("invalid database relation data: " + e.getKey()),
          out.unitStatus().message());
      assertFalse(out.unitStatus().message().contains("p\nw"), out.unitStatus().message());
      assertEquals(before, workload.directorConfig(), "the Director keeps its catalog: " + e);
    }
  }

  @Test
  void aDatabaseRelationWithoutCredentialsWaits() {
    RelationState db = RelationState.of("database", 9, "postgresql");
    State out = ctx.run(ctx.on().relationCreated(db), leader().withRelation(db));
    assertEquals(
        new WaitingStatus("waiting for PostgreSQL to publish its endpoints"), out.unitStatus());
  }

  @Test
  void credentialsFromTheProvidersSecretAreUsed() {
    SecretState credentials =
        SecretState.consumed(
            "secret:cs1kq1bmp25c77d3an8g", Map.of("username", "relation_9", "password", "s3cret"));
    RelationState db =
        RelationState.of("database", 9, "postgresql")
            .withRemoteAppData(Map.of("endpoints", "127.0.0.1:1", "secret-user", credentials.id()));
    State out =
        ctx.run(ctx.on().relationChanged(db), leader().withRelation(db).withSecret(credentials));
    assertEquals("blocked", out.unitStatus().name());
    assertTrue(
        out.unitStatus().message().startsWith("catalog: cannot reach PostgreSQL at 127.0.0.1:1"));
    assertFalse(out.unitStatus().message().contains("s3cret"));
    assertEquals(
        "[\"username\", \"password\", \"tls\", \"tls-ca\", \"uris\"]",
        out.relation(9).orElseThrow().localAppData().get("requested-secrets"));

    workload.pauses.clear();
    State notGranted = ctx.run(ctx.on().relationChanged(db), leader().withRelation(db));
    assertEquals(
        new WaitingStatus("waiting for access to the PostgreSQL credentials secret"),
        notGranted.unitStatus());
    assertEquals(
        GrantedSecret.WAITS,
        workload.pauses,
        "the grant may land seconds after the id: read again meanwhile");
    workload.pauses.clear();
    ctx.run(ctx.on().updateStatus(), notGranted);
    assertEquals(
        List.of(), workload.pauses, "a refusal that outlasted the wait is not waited for again");
  }

  @Test
  void theDirectorsNameAndPasswordSecretArePublishedAsSoonAsTheRelationExists() {
    RelationState rel = RelationState.of("bacula-dir", 5, "bacula-fd");
    State out = ctx.run(ctx.on().relationCreated(rel), leader().withRelation(rel));
    Map<String, String> published = out.relation(5).orElseThrow().localAppData();
    assertEquals("charm-bacula-dir", published.get("name"));
    assertEquals(out.secret("relation-5").orElseThrow().id(), published.get("password"));
    assertEquals(Set.of("password"), out.secret("relation-5").orElseThrow().content().keySet());
  }

  @Test
  void aClientWithAScheduleBaculaCannotReadIsLeftOutNamingTheSchedule() {
    Map<String, String> bad = fdBag(FD0, "10.1.1.5");
    bad.put("schedule", "Level=Full someday at 25:99");
    RelationState rel = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", bad));
    State out = ctx.run(ctx.on().relationChanged(rel, "bacula-fd/0"), leader().withRelation(rel));
    assertEquals("blocked", out.unitStatus().name());
    assertTrue(
        out.unitStatus()
            .message()
            .startsWith(
                "invalid client data, client left out: relation bacula-dir:7 (bacula-fd/0):"
                    + " schedule"),
        out.unitStatus().message());
    assertFalse(workload.directorConfig().contains(FD0));
  }

  /** Security M2: one client's schedule cannot fill the server's queue and disk for everyone. */
  @Test
  void aClientAskingForMoreRunsADayThanTheServerAllowsIsLeftOutUntilTheLimitIsRaised() {
    Map<String, String> greedy = fdBag("relation-prod-other-1-7a6b5c4d3e2f-fd", "10.1.1.6");
    greedy.put("schedule", "Level=Incremental hourly at 0:05, Level=Full sun at 01:00");
    RelationState good = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", fdBag(FD0, "10.1.1.5")));
    RelationState other = fdRelation(8, "other-fd", Map.of("other-fd/1", greedy));
    State out =
        ctx.run(
            ctx.on().relationChanged(other, "other-fd/1"),
            leader().withRelation(good).withRelation(other));

    assertEquals("blocked", out.unitStatus().name());
    assertTrue(
        out.unitStatus()
            .message()
            .startsWith(
                "invalid client data, client left out: relation bacula-dir:8 (other-fd/1): schedule"
                    + " asks for up to 25 backups a day, over the server's max-runs-per-day 24"),
        out.unitStatus().message());
    assertTrue(workload.directorConfig().contains(FD0), "the other client keeps its backups");
    assertFalse(workload.directorConfig().contains("relation-prod-other-1"));

    State raised =
        ctx.run(ctx.on().configChanged(), out.withConfig(Map.of("max-runs-per-day", 25)));
    assertEquals("active", raised.unitStatus().name(), raised.unitStatus().message());
    assertTrue(
        workload.directorConfig().contains("relation-prod-other-1"),
        "accepted once the operator allows it");
  }

  @Test
  void aDirectorThatCannotBeReloadedIsRestartedSoItRunsTheNewFile() {
    State first = ctx.run(ctx.on().install(), leader());
    workload.consoleDown = true;
    RelationState rel = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", fdBag(FD0, "10.1.1.5")));
    State out = ctx.run(ctx.on().relationChanged(rel, "bacula-fd/0"), first.withRelation(rel));
    assertEquals(new ActiveStatus("1 client"), out.unitStatus());
    assertEquals(
        "restart bacula-director", workload.daemonCalls.get(workload.daemonCalls.size() - 1));
    assertTrue(workload.directorConfig().contains(FD0));
  }

  @Test
  void aReloadTheDirectorIgnoresIsCaughtAndTheDirectorRestartedOnceNoJobRuns() {
    State first = ctx.run(ctx.on().install(), leader());
    workload.reloadIgnored = true;
    workload.activeJobs = 2;
    RelationState rel = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", fdBag(FD0, "10.1.1.5")));
    State busy = ctx.run(ctx.on().relationChanged(rel, "bacula-fd/0"), first.withRelation(rel));
    assertEquals(
        new WaitingStatus(
            "configuration change waits for 2 running jobs to end; the Director"
                + " restarts then"),
        busy.unitStatus());
    assertFalse(
        workload.daemonCalls.contains("restart bacula-director"), "a restart would kill both jobs");

    State stillBusy = ctx.run(ctx.on().updateStatus(), busy);
    assertEquals(
        "waiting", stillBusy.unitStatus().name(), "the file is unchanged, the restart still due");
    workload.activeJobs = 0;
    State done = ctx.run(ctx.on().updateStatus(), stillBusy);
    assertEquals(
        "restart bacula-director", workload.daemonCalls.get(workload.daemonCalls.size() - 1));
    assertEquals(new ActiveStatus("1 client"), done.unitStatus());
    workload.daemonCalls.clear();
    ctx.run(ctx.on().updateStatus(), done);
    assertFalse(workload.daemonCalls.contains("restart bacula-director"), "restarted once");
  }

  @Test
  void theStatusWarnsBeforeTheVolumeDiskIsFullAndBlocksOnceBackupsWouldFail() {
    RelationState rel = fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", fdBag(FD0, "10.1.1.5")));
    workload.freeVolumeBytes = 3L << 30;
    State low = ctx.run(ctx.on().relationChanged(rel, "bacula-fd/0"), leader().withRelation(rel));
    assertEquals(new ActiveStatus("1 client, volume disk low: 3.0 GiB free"), low.unitStatus());
    workload.freeVolumeBytes = 1L << 29;
    State full = ctx.run(ctx.on().updateStatus(), low);
    assertEquals("blocked", full.unitStatus().name());
    assertTrue(
        full.unitStatus()
            .message()
            .startsWith(
                "volume disk full: 0.5 GiB free on "
                    + workload.layout().volumes()
                    + ", under min-free-space 2.0 GiB; every backup fails before it"
                    + " writes (existing backups are intact)"),
        full.unitStatus().message());
    assertTrue(workload.directorConfig().contains(FD0), "the client keeps its configuration");
  }
}
