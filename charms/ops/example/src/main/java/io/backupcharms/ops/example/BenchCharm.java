package io.backupcharms.ops.example;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.ConfigChangedEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.Main;
import io.backupcharms.ops.RelationChangedEvent;
import io.backupcharms.ops.UpdateStatusEvent;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;
import java.util.Map;

/**
 * The benchmark's minimal charm, doing what the Python ops anchor charm does ({@code
 * shared/bench/ops-anchor/charm/src/charm.py}): read config, read the remote unit's relation data,
 * set active status.
 */
public final class BenchCharm extends CharmBase {
  public BenchCharm(Framework framework) {
    super(framework);
    framework.observeAll(
        event -> onAny(),
        UpdateStatusEvent.class,
        ConfigChangedEvent.class,
        RelationChangedEvent.class);
  }

  public static void main(String[] args) {
    Main.run(BenchCharm::new);
  }

  private void onAny() {
    String opt = config().getString("opt").orElse(null);
    Map<String, String> remote = Map.of();
    for (Relation rel : model().relations("db")) {
      for (Unit unit : rel.units()) {
        remote = rel.data(unit).asMap();
      }
    }
    unit().setStatus(new ActiveStatus("opt=" + opt + " k=" + remote.get("k")));
  }
}
