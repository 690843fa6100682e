package io.backupcharms.fd.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backupcharms.schema.BackupRequirerData;
import io.backupcharms.schema.FileDaemonUnitData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitBagTest {
  private static final String NOOP = "/var/lib/bacula-fd-charm/noop";
  private static final String NAME =
      FileDaemonUnitData.defaultName("prod", "myapp/0", "0e4b-7c1d-9f2e3a4b5c6d");

  @Test
  void theNameIsTheReferenceCharmsOne() {
    assertEquals("relation-prod-myapp-0-9f2e3a4b5c6d-fd", NAME);
  }

  @Test
  void scriptsTheTargetGaveNoneOfAreTheNoopAndNoScheduleMeansNoKey() {
    BackupRequirerData target =
        new BackupRequirerData(
            List.of("/srv/a", "/etc/a"),
            Optional.of("/usr/local/bin/dump"),
            Optional.empty(),
            Optional.empty(),
            Optional.of("/usr/local/bin/load"));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("name", NAME);
    expected.put("fileset", "/srv/a,/etc/a");
    expected.put("port", "9102");
    expected.put("client-run-before-backup", "/usr/local/bin/dump");
    expected.put("client-run-after-backup", NOOP);
    expected.put("client-run-before-restore", NOOP);
    expected.put("client-run-after-restore", "/usr/local/bin/load");
    assertEquals(
        expected, UnitBag.of(NAME, target, new CharmConfig(9102, List.of()), NOOP).toDatabag());
  }

  @Test
  void aScheduleIsPublishedCommaJoined() {
    BackupRequirerData target = BackupRequirerData.ofFileset(List.of("/srv/a"));
    Map<String, String> bag =
        UnitBag.of(
                NAME,
                target,
                new CharmConfig(
                    9300, List.of("Level=Full sun at 01:00", "Level=Incremental mon-sat at 01:00")),
                NOOP)
            .toDatabag();
    assertEquals(
        "Level=Full sun at 01:00, Level=Incremental mon-sat at 01:00", bag.get("schedule"));
    assertEquals("9300", bag.get("port"));
  }
}
