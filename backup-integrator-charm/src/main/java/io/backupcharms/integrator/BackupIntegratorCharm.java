package io.backupcharms.integrator;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.Main;
import io.backupcharms.ops.RemoveEvent;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;
import io.backupcharms.schema.BackupOutcome;
import io.backupcharms.schema.BackupProviderUnitData;
import io.backupcharms.schema.BackupRequirerData;
import io.backupcharms.schema.DatabagResult;
import io.backupcharms.schema.FieldError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup-integrator charm. Every hook runs {@link #reconcile()}: every unit writes the
 * configured scripts on its machine under {@code /var/lib/backup-integrator/<application>/} and
 * removes unset ones; the leader publishes the fileset and the script paths on each {@code backup}
 * relation, writing only what changed. Invalid config changes nothing and blocks the unit with the
 * offending option named.
 */
public final class BackupIntegratorCharm extends CharmBase {
  static final String BACKUP = "backup";
  static final Path SCRIPT_ROOT = Path.of("/var/lib/backup-integrator");
  private static final String INGRESS_ADDRESS = "ingress-address";
  private static final Logger LOG = LoggerFactory.getLogger(BackupIntegratorCharm.class);

  /** The databag keys this charm owns; others in its app bag are left alone. */
  private static final List<String> OWN_KEYS = ownKeys();

  private final Path scriptRoot;

  /** Used by dispatch. */
  public BackupIntegratorCharm(Framework framework) {
    this(framework, SCRIPT_ROOT);
  }

  /** With another script root, for tests. */
  BackupIntegratorCharm(Framework framework, Path scriptRoot) {
    super(framework);
    this.scriptRoot = scriptRoot;
    framework.observe(HookEvent.class, this::onHook);
    framework.observe(CollectStatusEvent.class, this::collectStatus);
  }

  /** Entry point for dispatch. */
  public static void main(String[] args) {
    Main.run(BackupIntegratorCharm::new);
  }

  private void onHook(HookEvent event) {
    if (event instanceof RemoveEvent) {
      // The unit is going away: leave nothing behind on the machine.
      if (!framework().isTraining()) {
        scripts().removeAll();
      }
      return;
    }
    reconcile();
  }

  /** Converges this machine's scripts and, on the leader, the published databags. */
  void reconcile() {
    IntegratorConfig.Reading reading = readConfig();
    if (reading.config().isEmpty()) {
      return;
    }
    IntegratorConfig config = reading.config().get();
    ScriptFiles scripts = scripts();
    // Training mode builds the CDS archive at pack time: nothing may touch the machine.
    if (!framework().isTraining()) {
      scripts.sync(config.scripts(), BackupRequirerData.SCRIPT_KEYS);
    }
    if (!unit().isLeader()) {
      return;
    }
    BackupRequirerData data =
        new BackupRequirerData(
            config.fileset(),
            scriptPath(config, BackupRequirerData.RUN_BEFORE_BACKUP, scripts),
            scriptPath(config, BackupRequirerData.RUN_AFTER_BACKUP, scripts),
            scriptPath(config, BackupRequirerData.RUN_BEFORE_RESTORE, scripts),
            scriptPath(config, BackupRequirerData.RUN_AFTER_RESTORE, scripts));
    for (Relation relation : model().relations(BACKUP)) {
      relation.localAppData().update(data.toDatabag(), OWN_KEYS);
    }
  }

  private void collectStatus(CollectStatusEvent event) {
    event.addStatus(status());
  }

  private Status status() {
    IntegratorConfig.Reading reading = readConfig();
    if (!reading.problems().isEmpty()) {
      if (reading.filesetMissing()) {
        // The usual state right after deploy: say only what to set, not every other problem.
        return new BlockedStatus(reading.problems().get(0).message());
      }
      return new BlockedStatus(
          "invalid config: "
              + reading.problems().stream()
                  .map(FieldError::message)
                  .collect(Collectors.joining("; ")));
    }
    List<Relation> relations = model().relations(BACKUP);
    if (relations.isEmpty()) {
      return new WaitingStatus("waiting for backup relation");
    }
    IntegratorConfig config = reading.config().orElseThrow();
    Relation relation = relations.get(0);
    String remote = relation.app().map(a -> a.name()).orElse("the backup provider");
    String outcome =
        lastBackupOfThisMachine(relation)
            .map(
                o ->
                    "; last backup "
                        + o.status().value()
                        + " at "
                        + o.time()
                        + " (job "
                        + o.jobId()
                        + ")")
            .orElse("");
    return new ActiveStatus(
        "publishing "
            + config.fileset().size()
            + (config.fileset().size() == 1 ? " path" : " paths")
            + " to "
            + remote
            + outcome);
  }

  /**
   * The outcome our bacula-fd publishes for the machine it runs on (an additive key of the backup
   * interface): the provider unit whose ingress address is this unit's, since both are subordinates
   * of the same principal. Canonical's bacula-fd publishes none.
   */
  private Optional<BackupOutcome> lastBackupOfThisMachine(Relation relation) {
    Optional<String> own = model().network(BACKUP, relation).ingressAddress();
    if (own.isEmpty()) {
      return Optional.empty();
    }
    for (Unit provider : relation.units()) {
      Map<String, String> bag = relation.data(provider).asMap();
      if (!own.get().equals(bag.get(INGRESS_ADDRESS))
          || !bag.containsKey(BackupProviderUnitData.LAST_BACKUP_STATUS)) {
        continue;
      }
      DatabagResult<BackupProviderUnitData> read = BackupProviderUnitData.fromDatabag(bag);
      if (read.isValid()) {
        return read.orElseThrow().lastBackup();
      }
      LOG.warn(
          "relation {} ({}): ignoring the last-backup report: {}",
          relation,
          provider,
          read.describeErrors());
    }
    return Optional.empty();
  }

  private IntegratorConfig.Reading readConfig() {
    return IntegratorConfig.read(
        option -> config().getString(option).filter(v -> !v.isEmpty()), app().name());
  }

  private ScriptFiles scripts() {
    return new ScriptFiles(scriptRoot.resolve(app().name()));
  }

  private static Optional<String> scriptPath(
      IntegratorConfig config, String key, ScriptFiles scripts) {
    return config.scripts().containsKey(key)
        ? Optional.of(scripts.pathOf(key).toString())
        : Optional.empty();
  }

  private static List<String> ownKeys() {
    List<String> keys = new ArrayList<>();
    keys.add(BackupRequirerData.FILESET);
    keys.addAll(BackupRequirerData.SCRIPT_KEYS);
    return List.copyOf(keys);
  }
}
