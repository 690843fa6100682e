package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code juju refresh} from the last release keeps everything: the release's charms, built from
 * git, back up; docs/how-to/upgrade.md's refresh commands run as printed; the refreshed charms back
 * up again, and both backups restore. No hook fails and no JVM start-up cache warning is logged on
 * the way.
 */
@ExtendWith(ModelExtension.class)
class UpgradeTest {
  private static final String APP = "myapp";
  private static final Pattern HOOK_FAILED =
      Pattern.compile(".*juju\\.worker\\.uniter\\.operation.* failed: .*");

  /** What HotSpot prints when it rejects or cannot map a class-data-sharing archive. */
  private static final Pattern CDS_WARNING =
      Pattern.compile("(?i).*(\\[cds\\]|shared archive|sharing).*");

  @Test
  void refreshFromTheLastReleaseKeepsBackupsStateAndRelations(JujuModel model) {
    Release previous = PreviousRelease.build();
    BackupStack.deployServer(model, previous);
    BackupStack.deployTarget(model, APP, 1, previous);
    model.waitForActive(
        BackupStack.SETTLE,
        APP,
        BackupStack.integrator(APP),
        BackupStack.fd(APP),
        BackupStack.SERVER);
    String unit = APP + "/0";
    DemoData.change(model, unit, "before the upgrade");
    ActionResult before = BackupStack.backup(model, unit, "Full");
    assertTrue(before.isCompleted(), () -> "Full backup with the last release: " + before);
    String atFirst = DemoData.snapshot(model, unit);

    for (String command : DocSteps.of("how-to/upgrade.md").commands("upgrade-refresh")) {
      model.typed(
          command
              .replace(" ./", " " + Repo.root() + "/")
              .replace("myapp-backup", BackupStack.integrator(APP)),
          BackupStack.SETTLE);
    }
    model.settle(BackupStack.SETTLE);
    model.waitForActive(
        BackupStack.SETTLE,
        APP,
        BackupStack.integrator(APP),
        BackupStack.fd(APP),
        BackupStack.SERVER);

    DemoData.change(model, unit, "after the upgrade");
    ActionResult after = BackupStack.backup(model, unit, "Incremental");
    assertTrue(after.isCompleted(), () -> "Incremental backup after the refresh: " + after);
    String atSecond = DemoData.snapshot(model, unit);

    DemoData.destroy(model, unit);
    ActionResult first =
        BackupStack.server(
            model, "restore", Map.of("client", unit, "backup-id", before.result("job-id")));
    assertTrue(first.isCompleted(), () -> "restore of the backup the last release made: " + first);
    assertEquals(
        atFirst, DemoData.snapshot(model, unit), "the last release's backup comes back whole");

    DemoData.destroy(model, unit);
    ActionResult second = BackupStack.restore(model, unit);
    assertTrue(
        second.isCompleted(), () -> "restore of the backup made after the refresh: " + second);
    assertEquals(
        atSecond,
        DemoData.snapshot(model, unit),
        "the Incremental restores on top of the last release's Full");

    List<String> log = model.debugLog(100_000).lines().toList();
    List<String> failed = log.stream().filter(l -> HOOK_FAILED.matcher(l).matches()).toList();
    assertEquals(List.of(), failed, "no hook failed on the way");
    List<String> cds = log.stream().filter(l -> CDS_WARNING.matcher(l).matches()).toList();
    assertEquals(List.of(), cds, "no start-up cache warning: a stale archive is never loaded");
  }
}
