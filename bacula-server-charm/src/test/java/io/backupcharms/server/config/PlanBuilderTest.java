package io.backupcharms.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.config.Job;
import io.backupcharms.bacula.config.RunScript;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.RunScripts;
import io.backupcharms.server.workload.ServerLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

  static final ServerIdentity IDENTITY =
      new ServerIdentity(
          "127.0.1.1", "console-pw", "storage-pw", Map.of(3, "rel3-pw", 4, "rel4-pw"));

  static PlanBuilder builder() {
    return new PlanBuilder(
        ServerSettings.DEFAULTS,
        IDENTITY,
        new CatalogDatabase.Sqlite(Path.of("/var/lib/bacula")),
        ServerLayout.DEBIAN);
  }

  static ClientSpec scheduled() {
    return new ClientSpec(
        "relation-m-myapp-0-abc-fd",
        "bacula-fd/0",
        3,
        "127.0.1.2",
        9102,
        List.of("/srv/data"),
        new RunScripts(
            Optional.of("/opt/before"),
            Optional.of("/opt/after"),
            Optional.of("/opt/before-restore"),
            Optional.of("/opt/after-restore")),
        List.of("Level=Full sun at 01:00", "Level=Incremental mon-sat at 01:00"));
  }

  static ClientSpec manual() {
    return new ClientSpec(
        "relation-m-other-1-abc-fd",
        "bacula-fd/1",
        4,
        "127.0.1.3",
        9102,
        List.of("/etc", "/srv"),
        RunScripts.NONE,
        List.of());
  }

  static Job job(BaculaPlan plan, String name) {
    return plan.director().jobs().stream()
        .filter(j -> j.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void noTwoLinksShareAPassword() {
    BaculaPlan plan = builder().build(List.of(scheduled(), manual()));
    List<String> passwords = new ArrayList<>();
    passwords.add(plan.director().director().password());
    plan.director().storages().forEach(st -> passwords.add(st.password()));
    plan.director().clients().forEach(c -> passwords.add(c.password()));
    plan.director().consoles().forEach(c -> passwords.add(c.password()));
    assertEquals(
        passwords.size(),
        new HashSet<>(passwords).size(),
        "one leaked password must open one link only: "
            + plan.director().clients().stream().map(c -> c.name()).toList());
  }

  @Test
  void eachClientsBackupJobUsesItsOwnSchedule() {
    BaculaPlan plan = builder().build(List.of(scheduled(), manual()));
    Job backup = job(plan, "relation-m-myapp-0-abc-backup");
    assertEquals("relation-m-myapp-0-abc-schedule", backup.schedule());
    assertEquals(2, plan.director().schedules().get(0).runs().size());
    assertNull(
        job(plan, "relation-m-other-1-abc-backup").schedule(), "empty schedule = manual only");
    assertEquals(1, plan.director().schedules().size());
  }

  @Test
  void backupJobsAreAccurateWithTheClientsScripts() {
    Job backup = job(builder().build(List.of(scheduled())), "relation-m-myapp-0-abc-backup");
    assertEquals(Boolean.TRUE, backup.accurate());
    assertEquals(
        List.of(
            RunScript.before(
                "/var/lib/bacula-server-charm/check-free-space /var/lib/bacula/volumes "
                    + (2L << 30),
                false),
            RunScript.before("/opt/before", true),
            RunScript.after("/opt/after", true)),
        backup.runScripts(),
        "first, on the Director, the volume disk's free space");
    Job restore = job(builder().build(List.of(scheduled())), "relation-m-myapp-0-abc-restore");
    assertEquals(
        List.of(
            RunScript.before("/opt/before-restore", true),
            RunScript.after("/opt/after-restore", true)),
        restore.runScripts());
    assertEquals("/", restore.where());
  }

  @Test
  void eachClientUsesItsRelationsPasswordAndTheDaemonsBindTheUnitAddress() {
    BaculaPlan plan = builder().build(List.of(scheduled(), manual()));
    assertEquals("rel3-pw", plan.director().clients().get(1).password());
    assertEquals("rel4-pw", plan.director().clients().get(2).password());
    assertEquals("127.0.1.1", plan.director().director().address());
    assertEquals("127.0.1.1", plan.storage().storage().address());
    assertEquals("storage-pw", plan.storage().directors().get(0).password());
    assertEquals("/var/lib/bacula/volumes", plan.storage().devices().get(0).archiveDevice());
    assertTrue(
        plan.director().danglingReferences().isEmpty(),
        plan.director().danglingReferences()::toString);
  }

  @Test
  void aServerWithoutClientsIsStillAValidDirector() {
    BaculaPlan plan = builder().build(List.of());
    assertEquals(
        List.of("charm-bacula-dir-fd"),
        plan.director().clients().stream().map(c -> c.name()).toList());
    assertTrue(plan.director().danglingReferences().isEmpty());
  }

  @Test
  void aVolumeLimitCapsThePoolAndBoundsEachBackupsWaitWithoutOneNothingWaitsBounded() {
    BaculaPlan unlimited = builder().build(List.of(scheduled()));
    assertNull(unlimited.director().pools().get(0).maximumVolumes());
    assertNull(
        job(unlimited, "relation-m-myapp-0-abc-backup").maxWaitTime(),
        "no limit: a backup queued behind others is never cancelled for waiting");

    ServerSettings limited =
        ServerSettings.fromConfig(Map.of("max-volumes", 20, "volume-wait", "30 min"));
    BaculaPlan plan =
        new PlanBuilder(
                limited,
                IDENTITY,
                new CatalogDatabase.Sqlite(Path.of("/var/lib/bacula")),
                ServerLayout.DEBIAN)
            .build(List.of(scheduled()));
    assertEquals(20, plan.director().pools().get(0).maximumVolumes());
    assertEquals(Duration.ofMinutes(30), job(plan, "relation-m-myapp-0-abc-backup").maxWaitTime());
    assertNull(
        job(plan, "relation-m-myapp-0-abc-restore").maxWaitTime(), "a restore never gives up");
  }
}
