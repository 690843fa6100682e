package io.backupcharms.ops.testing;

import io.backupcharms.ops.ActionEvent;
import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.MaintenanceStatus;
import io.backupcharms.ops.StartEvent;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.model.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A reconcile-style charm exercising the parts the tests look at. */
final class DemoCharm extends CharmBase {
  DemoCharm(Framework fw) {
    super(fw);
    fw.observe(HookEvent.class, this::reconcile);
    fw.observe(CollectStatusEvent.class, this::collectStatus);
    fw.observeAction("backup-now", this::onBackupNow);
  }

  private void reconcile(HookEvent event) {
    List<String> seen =
        new ArrayList<>(
            List.of(framework().stored().get("seen", String[].class).orElse(new String[0])));
    seen.add(event.getClass().getSimpleName());
    framework().stored().set("seen", seen);
    if (event instanceof StartEvent && !framework().stored().has("ready")) {
      // Pretend the workload is not up yet the first time.
      framework().stored().set("ready", true);
      framework().defer(event);
      return;
    }
    String path = config().getString("path").orElse("");
    for (Relation rel : model().relations("backup")) {
      rel.localUnitData().set("path", path);
      if (unit().isLeader()) {
        rel.localAppData().set("retries", config().getInt("retries").orElse(0L).toString());
      }
    }
  }

  private void collectStatus(CollectStatusEvent e) {
    e.addStatus(new ActiveStatus("ok"));
    if (config().getString("path").isEmpty()) {
      e.addStatus(new BlockedStatus("set path"));
    }
    if (model().relations("backup").isEmpty()) {
      e.addStatus(new WaitingStatus("waiting for backup relation"));
    }
    e.addStatus(new MaintenanceStatus("tidying"));
    if (unit().isLeader()) {
      e.addAppStatus(new ActiveStatus("leader here"));
    }
  }

  private void onBackupNow(ActionEvent e) {
    String level = e.params().getString("level").orElseThrow();
    e.log("starting " + level);
    e.setResults(Map.of("job", Map.of("id", "42", "level", level)));
    if (level.equals("Incremental")) {
      e.fail("no full backup yet; run with level=Full first");
    }
  }
}
