package io.backupcharms.server;

import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.Main;
import io.backupcharms.ops.Status;
import io.backupcharms.server.workload.Services;
import java.util.ArrayList;
import java.util.List;

/**
 * The bacula-server charm: every hook reconciles the Director and Storage Daemon with the model;
 * the actions talk to the Director. See {@code docs/reference/bacula-server.md}.
 */
public final class BaculaServerCharm extends CharmBase {

  private final List<Status> statuses = new ArrayList<>();

  /** Registers the observers; the framework constructs the charm once per hook. */
  public BaculaServerCharm(Framework framework) {
    super(framework);
    framework.observe(HookEvent.class, e -> reconcile());
    framework.observe(CollectStatusEvent.class, this::collectStatus);
  }

  /** Entry point run by {@code dispatch}. */
  public static void main(String[] args) {
    Main.run(BaculaServerCharm::new);
  }

  private void reconcile() {
    if (framework().isTraining()) {
      return;
    }
    statuses.clear();
    statuses.addAll(new Reconciler(model(), framework().stored(), console()).run());
  }

  private void collectStatus(CollectStatusEvent event) {
    statuses.forEach(event::addStatus);
  }

  /** Reload through systemd: its ExecReload validates with bacula-dir -t and sends SIGHUP. */
  private Runnable console() {
    return () -> Services.reload(Services.DIRECTOR);
  }
}
