package io.backupcharms.fd;

import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.fd.plan.DaemonSetup;
import io.backupcharms.fd.plan.FdProblem;
import io.backupcharms.fd.plan.FileDaemonPlan;
import io.backupcharms.fd.plan.PlanBuilder;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.InstallEvent;
import io.backupcharms.ops.Main;
import io.backupcharms.ops.MaintenanceStatus;
import io.backupcharms.ops.RemoveEvent;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.StopEvent;
import io.backupcharms.ops.UpgradeCharmEvent;
import io.backupcharms.ops.model.Port;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.schema.BackupProviderUnitData;
import io.backupcharms.schema.FileDaemonUnitData;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bacula-fd subordinate charm: one Bacula File Daemon on the principal's machine, told what to
 * back up by the {@code backup} relation and whom to serve by the {@code bacula-dir} relation.
 * Every hook runs the same {@link #reconcile()}: {@link PlanBuilder} derives the plan from the
 * model, the host and the relations are brought to it; see {@code docs/reference/bacula-fd.md}.
 */
public final class BaculaFdCharm extends CharmBase {
  /** Stored state: the installed File Daemon's version and its binary's stamp. */
  static final String VERSION = "bacula-version";

  private static final Logger LOG = LoggerFactory.getLogger(BaculaFdCharm.class);

  private final FileDaemonHost host;
  private final Rollout rollout;
  private Status status = new MaintenanceStatus("starting");

  /** The charm on a real machine. */
  public BaculaFdCharm(Framework framework) {
    this(framework, new MachineFileDaemonHost());
  }

  BaculaFdCharm(Framework framework, FileDaemonHost host) {
    super(framework);
    this.host = host;
    this.rollout = new Rollout(host);
    framework.observe(
        HookEvent.class,
        e -> {
          if (e instanceof InstallEvent || e instanceof UpgradeCharmEvent) {
            // A new charm may read versions differently: ask the daemon again.
            framework.stored().remove(VERSION);
          }
          if (e instanceof StopEvent || e instanceof RemoveEvent) {
            retire();
          } else {
            reconcile();
          }
        });
    framework.observe(CollectStatusEvent.class, e -> e.addStatus(status));
  }

  /** Dispatch entry point. */
  public static void main(String[] args) {
    Main.run(BaculaFdCharm::new);
  }

  /** Derives everything from the model and converges the machine and the databags to it. */
  void reconcile() {
    if (framework().isTraining()) {
      return;
    }
    try {
      status = converge();
    } catch (FdProblem e) {
      status = e.status();
    }
    LOG.info("status: {} {}", status.name(), status.message());
  }

  private Status converge() {
    Optional<String> owner = host.claim(unit().name());
    FileDaemonPlan plan =
        PlanBuilder.build(
            ModelReader.read(model(), owner, host.noopScriptPath()),
            ModelReader.secrets(model(), framework().stored(), host::pause));
    Optional<Relation> director = model().relation(ModelReader.BACULA_DIR);
    // A plan that needs no package stops at its problem, before the version is needed.
    BaculaVersion version = null;
    if (plan.needsPackage()) {
      if (!host.isInstalled()) {
        unit().setStatus(new MaintenanceStatus("installing bacula-fd"));
        host.install();
      }
      version = installedVersion();
    }
    if (plan.service() == FileDaemonPlan.Service.STOPPED) {
      rollout.stop();
    }
    if (plan.unitBag().isPresent() && director.isPresent()) {
      if (!plan.unitBag().get().isEmpty()) {
        host.installNoopScript();
      }
      director.get().localUnitData().update(plan.unitBag().get(), FileDaemonUnitData.KEYS);
    }
    if (plan.problem().isPresent()) {
      return plan.problem().get();
    }
    DaemonSetup setup = plan.daemon().orElseThrow();
    Optional<Status> unserved = rollout.serve(setup, version);
    if (unserved.isPresent()) {
      return unserved.get();
    }
    director.orElseThrow().localUnitData().update(setup.handshake(), DaemonSetup.HANDSHAKE_KEYS);
    unit().setPorts(Set.of(Port.tcp(setup.port())));
    BackupReport report = rollout.lastBackup(setup);
    Relation backup = model().relation(ModelReader.BACKUP).orElseThrow();
    report
        .published()
        .ifPresent(b -> backup.localUnitData().update(b.toDatabag(), BackupProviderUnitData.KEYS));
    return setup.whileServing(report.outcome());
  }

  /** The File Daemon's version, asked only when its binary changed since the last hook asked. */
  private BaculaVersion installedVersion() {
    InstalledVersion v =
        rollout.version(framework().stored().getString(VERSION).flatMap(InstalledVersion::decode));
    framework().stored().set(VERSION, v.encode());
    return v.version();
  }

  /** The unit is going: its File Daemon stops, and the machine is free for another unit. */
  private void retire() {
    if (framework().isTraining() || host.claim(unit().name()).isPresent()) {
      return;
    }
    rollout.stop();
    host.release(unit().name());
  }
}
