package io.backupcharms.ops.example;

import io.backupcharms.ops.ActionEvent;
import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.Main;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.model.Relation;
import java.util.Map;

/**
 * An example charm in the reconcile style: every hook runs {@link #reconcile()}, which publishes
 * the {@code opt} config value in this unit's {@code db} databag (and, on the leader, the app bag),
 * counts hooks in stored state, and collect-status reports what it sees.
 */
public final class ExampleCharm extends CharmBase {
  public ExampleCharm(Framework framework) {
    super(framework);
    framework.observe(HookEvent.class, event -> reconcile());
    framework.observe(CollectStatusEvent.class, this::collectStatus);
    framework.observeAction("greet", this::onGreet);
  }

  public static void main(String[] args) {
    Main.run(ExampleCharm::new);
  }

  private void reconcile() {
    long hooks = framework().stored().getLong("hooks").orElse(0L) + 1;
    framework().stored().set("hooks", hooks);
    String opt = config().getString("opt").orElse("");
    for (Relation db : model().relations("db")) {
      db.localUnitData().set("opt", opt);
      if (unit().isLeader()) {
        db.localAppData().set("opt", opt);
      }
    }
  }

  private void collectStatus(CollectStatusEvent event) {
    if (config().getString("opt").orElse("").isEmpty()) {
      event.addStatus(new BlockedStatus("set opt: juju config ops-example opt=<value>"));
    }
    var db = model().relation("db");
    if (db.isEmpty()) {
      event.addStatus(new WaitingStatus("waiting for a db relation"));
      return;
    }
    String remote =
        db.get().units().stream()
            .findFirst()
            .flatMap(u -> db.get().data(u).get("k"))
            .orElse("(none)");
    event.addStatus(
        new ActiveStatus(
            "opt="
                + config().getString("opt").orElse("")
                + " k="
                + remote
                + " hooks="
                + framework().stored().getLong("hooks").orElse(0L)));
  }

  private void onGreet(ActionEvent event) {
    String name = event.params().getString("name").orElseThrow();
    event.log("greeting " + name);
    framework().stored().set("last-greeted", name);
    event.setResults(Map.of("greeting", "hello " + name, "by", Map.of("unit", unit().name())));
  }
}
