package io.backupcharms.fd;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.apply.ConfigRejectedException;
import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.DirectorAccess;
import io.backupcharms.bacula.config.FileDaemon;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.Messages;
import io.backupcharms.bacula.config.Pki;
import io.backupcharms.bacula.config.RunScript;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
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
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.model.GrantedSecret;
import io.backupcharms.ops.model.Port;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;
import io.backupcharms.schema.BackupOutcome;
import io.backupcharms.schema.BackupProviderUnitData;
import io.backupcharms.schema.BackupRequirerData;
import io.backupcharms.schema.BackupStatus;
import io.backupcharms.schema.ClientsLeftOut;
import io.backupcharms.schema.DatabagResult;
import io.backupcharms.schema.DirectorAppData;
import io.backupcharms.schema.FileDaemonUnitData;
import io.backupcharms.schema.InvalidDatabagException;
import io.backupcharms.schema.UnitPasswords;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bacula-fd subordinate charm: one Bacula File Daemon on the principal's machine, told what to
 * back up by the {@code backup} relation and whom to serve by the {@code bacula-dir} relation.
 * Every hook runs the same {@link #reconcile()}; see {@code docs/reference/bacula-fd.md}.
 */
public final class BaculaFdCharm extends CharmBase {
  static final String BACKUP = "backup";
  static final String BACULA_DIR = "bacula-dir";
  static final String JUJU_INFO = "juju-info";
  private static final String TLS_KEY = UnitPasswords.SECRET_TLS_KEY;
  private static final String TLS_CERTIFICATE = UnitPasswords.SECRET_TLS_CERTIFICATE;
  private static final String TLS_CA = UnitPasswords.SECRET_TLS_CA;
  private static final String TLS_ADDRESS = UnitPasswords.SECRET_TLS_ADDRESS;

  /** The status-only Director entry the charm itself uses to read the File Daemon's job list. */
  static final String MONITOR_NAME = "bacula-fd-charm-monitor";

  /** Stored state: the installed File Daemon's version and its binary's stamp. */
  static final String VERSION = "bacula-version";

  private static final Logger LOG = LoggerFactory.getLogger(BaculaFdCharm.class);

  private final FileDaemonHost host;
  private Status status = new MaintenanceStatus("starting");

  /** The charm on a real machine. */
  public BaculaFdCharm(Framework framework) {
    this(framework, new MachineFileDaemonHost());
  }

  BaculaFdCharm(Framework framework, FileDaemonHost host) {
    super(framework);
    this.host = host;
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
    status = converge();
    LOG.info("status: {} {}", status.name(), status.message());
  }

  /** The File Daemon's version, asked only when its binary changed since the last hook asked. */
  private BaculaVersion installedVersion() {
    InstalledVersion v =
        host.version(framework().stored().getString(VERSION).flatMap(InstalledVersion::decode));
    framework().stored().set(VERSION, v.encode());
    return v.version();
  }

  /** The unit is going: its File Daemon stops, and the machine is free for another unit. */
  private void retire() {
    if (framework().isTraining() || host.claim(unit().name()).isPresent()) {
      return;
    }
    stopFileDaemon();
    host.release(unit().name());
  }

  private Status converge() {
    Optional<String> owner = host.claim(unit().name());
    if (owner.isPresent()) {
      // Touching the configuration or the daemon would take the other unit's backups away.
      model().relation(BACULA_DIR).ifPresent(BaculaFdCharm::withdraw);
      return new BlockedStatus(
          "this machine's File Daemon belongs to "
              + owner.get()
              + " (one per machine: one bacula-fd.conf, one service); back this principal's paths"
              + " up through "
              + owner.get().substring(0, owner.get().indexOf('/'))
              + " instead (add them"
              + " to the fileset of its backup relation), then remove this principal's relation to "
              + app().name());
    }
    CharmConfig config;
    try {
      config = CharmConfig.from(config().asMap());
    } catch (InvalidConfigException e) {
      return new BlockedStatus(e.getMessage());
    }
    if (!host.isInstalled()) {
      unit().setStatus(new MaintenanceStatus("installing bacula-fd"));
      host.install();
    }
    BaculaVersion version;
    try {
      version = installedVersion();
    } catch (BaculaException e) {
      return new BlockedStatus(
          "cannot tell which Bacula the machine has: "
              + e.getMessage()
              + "; reinstall bacula-fd on it (apt-get install --reinstall bacula-fd); the next hook"
              + " checks again");
    }
    Optional<Relation> backup = model().relation(BACKUP);
    Optional<Relation> director = model().relation(BACULA_DIR);
    if (director.isEmpty()) {
      // Without a Director there is nobody to serve: keep no daemon listening.
      stopFileDaemon();
    }
    if (backup.isEmpty()) {
      director.ifPresent(BaculaFdCharm::withdraw);
      return new WaitingStatus("waiting for backup relation");
    }
    Map<String, String> targetBag = backup.get().remoteAppData().asMap();
    if (!targetBag.containsKey(BackupRequirerData.FILESET)) {
      director.ifPresent(BaculaFdCharm::withdraw);
      return new WaitingStatus("waiting for backup relation data" + unitBagHint(backup.get()));
    }
    DatabagResult<BackupRequirerData> target = BackupRequirerData.fromDatabag(targetBag);
    if (!target.isValid()) {
      LOG.warn("backup relation {}: {}", backup.get(), target.describeErrors());
      director.ifPresent(BaculaFdCharm::withdraw);
      return new BlockedStatus("invalid backup relation data: " + target.describeErrors());
    }
    List<String> unrunnable = unrunnableScripts(target.orElseThrow());
    if (!unrunnable.isEmpty()) {
      String why = String.join("; ", unrunnable);
      LOG.warn("backup relation {}: {}", backup.get(), why);
      director.ifPresent(BaculaFdCharm::withdraw);
      return new BlockedStatus("invalid backup relation data: " + why);
    }
    Optional<Relation> jujuInfo = model().relation(JUJU_INFO);
    Optional<Unit> principalUnit =
        jujuInfo.flatMap(r -> r.units().stream().min(Comparator.comparing(Unit::name)));
    if (principalUnit.isEmpty()) {
      director.ifPresent(BaculaFdCharm::withdraw);
      return new WaitingStatus("waiting for juju-info relation with the principal application");
    }
    if (hasScripts(target.orElseThrow())
        && backup.get().units().isEmpty()
        && !backup
            .get()
            .app()
            .map(a -> a.name().equals(principalUnit.get().app().name()))
            .orElse(false)) {
      // A container-scoped relation shows the unit beside this one once it has joined.
      director.ifPresent(BaculaFdCharm::withdraw);
      return new WaitingStatus("waiting for the backup relation's unit on this machine");
    }
    Optional<String> foreign =
        ScriptOrigin.problem(
            backup.get(),
            target.orElseThrow(),
            principalUnit.get(),
            jujuInfo.get().remoteUnitData(principalUnit.get()).get("ingress-address"));
    if (foreign.isPresent()) {
      LOG.warn("backup relation {}: {}", backup.get(), foreign.get());
      director.ifPresent(BaculaFdCharm::withdraw);
      return new BlockedStatus(foreign.get());
    }
    if (director.isEmpty()) {
      return new WaitingStatus("waiting for bacula-dir relation");
    }
    Optional<String> principal = principalUnit.map(Unit::name);
    String name = FileDaemonUnitData.defaultName(model().name(), principal.get(), model().uuid());
    FileDaemonUnitData mine;
    try {
      mine = UnitBag.of(name, target.orElseThrow(), config, host.noopScript());
    } catch (RuntimeException e) {
      return new BlockedStatus("invalid backup relation data: " + e.getMessage());
    }
    publish(director.get(), mine);

    Map<String, String> directorBag = director.get().remoteAppData().asMap();
    if (directorBag.isEmpty()) {
      return new WaitingStatus("waiting for bacula-dir relation data");
    }
    DatabagResult<DirectorAppData> dir = DirectorAppData.fromDatabag(directorBag);
    if (!dir.isValid()) {
      String problems = describeRedacted(dir);
      LOG.warn("bacula-dir relation {}: {}", director.get(), problems);
      return new BlockedStatus("invalid bacula-dir relation data: " + problems);
    }
    Optional<String> ownSecret;
    try {
      ownSecret = UnitPasswords.forUnit(directorBag, unit().name());
    } catch (InvalidDatabagException e) {
      return new BlockedStatus("invalid bacula-dir relation data: " + e.getMessage());
    }
    // The unit's own secret, once the server made one: the relation's is readable by every
    // sibling unit, so a File Daemon accepting it could be opened from any machine of the
    // application.
    String secretId = ownSecret.orElse(dir.orElseThrow().passwordSecretId());
    String password;
    Map<String, String> secretContent;
    try {
      secretContent =
          GrantedSecret.read(
              model(),
              framework().stored(),
              secretId,
              "the Director's password secret",
              host::pause);
      password = secretContent.get(DirectorAppData.SECRET_PASSWORD_KEY);
    } catch (ModelError e) {
      LOG.info(
          "cannot read the Director's password secret {}: {}; the next hook reads it again",
          secretId,
          e.getMessage());
      return new WaitingStatus("waiting for access to the Director's password secret " + secretId);
    }
    if (password == null || password.isEmpty()) {
      return new BlockedStatus(
          "the Director's password secret "
              + secretId
              + " has no \"password\" "
              + "key; bacula-server must publish a secret with content {\"password\": ...}");
    }
    Optional<String> address = ingressAddress(director.get());
    if (address.isEmpty()) {
      return new WaitingStatus("waiting for an ingress address on the bacula-dir relation");
    }
    // The server puts a certificate for this unit's address into the unit's own secret; until
    // it has (or with the relation's shared secret), the File Daemon runs without TLS.
    Tls tls = null;
    if (ownSecret.isPresent()
        && secretContent.get(TLS_KEY) != null
        && secretContent.get(TLS_CERTIFICATE) != null
        && secretContent.get(TLS_CA) != null
        && address.get().equals(secretContent.get(TLS_ADDRESS))) {
      tls =
          host.installTls(
              secretContent.get(TLS_CA),
              new KeyAndCertificate(
                  secretContent.get(TLS_KEY), secretContent.get(TLS_CERTIFICATE)));
    }
    PkiKeys keys = ownSecret.isPresent() ? PkiKeys.of(secretContent) : PkiKeys.NONE;
    Pki pki = keys.inUse().map(k -> host.installPki(k, keys.masterCertificate())).orElse(null);
    FileDaemonConfig fdConfig;
    try {
      fdConfig =
          new FileDaemonConfig(
              FileDaemon.of(name, address.get(), config.port()).withTls(tls).withPki(pki),
              List.of(
                  DirectorAccess.of(dir.orElseThrow().name(), password).withTls(tls),
                  new DirectorAccess(MONITOR_NAME, host.monitorPassword(), true, null)),
              Messages.toDirector("Standard", dir.orElseThrow().name()));
    } catch (BaculaException e) {
      return new BlockedStatus("invalid bacula-fd configuration: " + e.getMessage());
    }
    if (!host.isLive(fdConfig, version)) {
      // Applying restarts bacula-fd, which kills its jobs; a renewed certificate or a key for a
      // restore waits for them (the relation keeps saying what the running daemon holds).
      int running =
          host.runningJobs(address.get(), config.port(), MONITOR_NAME, host.monitorPassword());
      if (running > 0) {
        LOG.info(
            "bacula-fd.conf changes, but {} job(s) run: the restart that applies it waits",
            running);
        return new ActiveStatus(
            "a configuration change (certificate, keys or password) waits for "
                + running
                + " running job"
                + (running == 1 ? "" : "s")
                + " to end; applied at the next hook");
      }
    }
    try {
      if (host.apply(fdConfig, version)) {
        LOG.info("bacula-fd.conf changed; the File Daemon was restarted");
      }
      host.removeUnusedKeyFiles(fdConfig);
      host.ensureRunning(address.get(), config.port());
    } catch (ConfigRejectedException e) {
      LOG.error("bacula-fd -t rejected the candidate configuration: {}", e.getMessage());
      return new BlockedStatus(
          "failed to apply bacula configuration: " + firstLine(e.getMessage()));
    } catch (BaculaException e) {
      LOG.error("applying the File Daemon configuration failed: {}", e.getMessage());
      return new BlockedStatus(
          "failed to apply bacula configuration: " + firstLine(e.getMessage()));
    }
    // Said only once the configuration holds the unit's password, so the Director switches to it
    // when this File Daemon accepts it.
    String scope = ownSecret.isPresent() ? UnitPasswords.SCOPE_UNIT : "";
    if (!scope.equals(director.get().localUnitData().get(UnitPasswords.SCOPE_KEY).orElse(""))) {
      director.get().localUnitData().set(UnitPasswords.SCOPE_KEY, scope);
    }
    String tlsState = tls != null ? UnitPasswords.TLS_REQUIRED : "";
    if (!tlsState.equals(director.get().localUnitData().get(UnitPasswords.TLS_KEY).orElse(""))) {
      director.get().localUnitData().set(UnitPasswords.TLS_KEY, tlsState);
    }
    String trust = tls != null ? UnitPasswords.fingerprint(secretContent.get(TLS_CA).strip()) : "";
    if (!trust.equals(director.get().localUnitData().get(UnitPasswords.TLS_TRUST_KEY).orElse(""))) {
      director.get().localUnitData().set(UnitPasswords.TLS_TRUST_KEY, trust);
    }
    // After rotate-passwords the Director keeps the previous password until this says the new one
    // is in place.
    String applied = ownSecret.isPresent() ? UnitPasswords.fingerprint(password) : "";
    if (!applied.equals(director.get().localUnitData().get(UnitPasswords.APPLIED_KEY).orElse(""))) {
      director.get().localUnitData().set(UnitPasswords.APPLIED_KEY, applied);
    }
    String pkiState = keys.inUse().map(KeyAndCertificate::fingerprint).orElse("");
    if (!pkiState.equals(director.get().localUnitData().get(UnitPasswords.PKI_KEY).orElse(""))) {
      director.get().localUnitData().set(UnitPasswords.PKI_KEY, pkiState);
    }
    unit().setPorts(Set.of(Port.tcp(config.port())));
    Status last = reportLastBackup(backup.get(), address.get(), config.port(), mine.schedule());
    if (keys.recoveryFor().isPresent()) {
      // Until the restore ends, this File Daemon decrypts with another key, and encrypts for it.
      last =
          new ActiveStatus(
              "holds the key to restore "
                  + keys.recoveryFor().get()
                  + " for a restore bacula-server started; "
                  + last.message());
    }
    // The server may still refuse this File Daemon (a name claimed twice, data Bacula rejects);
    // it says so on the relation, and the machine's owner must see it here, not a green status.
    String leftOut = ClientsLeftOut.decode(directorBag).get(unit().name());
    if (leftOut != null) {
      return new BlockedStatus(
          "bacula-server leaves this File Daemon out, so nothing backs it up: " + leftOut);
    }
    return last;
  }

  /**
   * The commonest mistake of a charm that writes the backup interface by hand is a plain {@code
   * relation-set}, which writes its unit's databag, not the application's: say so rather than wait
   * without a hint.
   */
  private static String unitBagHint(Relation backup) {
    try {
      for (Unit u : backup.units()) {
        if (backup.remoteUnitData(u).get(BackupRequirerData.FILESET).isPresent()) {
          return ": "
              + u.name()
              + " published fileset in its unit databag; the leader of "
              + u.app().name()
              + " must publish it in the"
              + " application databag (relation-set --app)";
        }
      }
    } catch (ModelError e) {
      LOG.debug("cannot read the backup relation's unit databags: {}", e.getMessage());
    }
    return "";
  }

  /**
   * Publishes the machine's last backup and last verify on the backup relation and says them in the
   * status.
   */
  private Status reportLastBackup(
      Relation backup, String address, int port, Optional<String> schedule) {
    List<TerminatedJob> jobs;
    try {
      jobs = host.terminatedJobs(address, port, MONITOR_NAME, host.monitorPassword());
    } catch (IOException e) {
      LOG.warn(
          "cannot read the File Daemon's finished jobs at {}:{}: {}",
          address,
          port,
          e.getMessage());
      return new ActiveStatus(
          "ready; last backup unknown (File Daemon status: " + e.getMessage() + ")");
    }
    Optional<BackupOutcome> last = LastBackup.of(jobs);
    Optional<BackupOutcome> verify = LastBackup.verify(jobs);
    backup
        .localUnitData()
        .update(new BackupProviderUnitData(last, verify).toDatabag(), BackupProviderUnitData.KEYS);
    String verifyNote =
        verify
            .filter(v -> v.status() == BackupStatus.FAILED || v.status() == BackupStatus.CANCELED)
            .map(
                v ->
                    "; verify job "
                        + v.jobId()
                        + " "
                        + v.status().value()
                        + " at "
                        + v.time()
                        + ": a backup does not read back, run a Full backup")
            .orElse("");
    return last.map(
            o -> new ActiveStatus(BackupAge.describe(o, schedule, Instant.now()) + verifyNote))
        .orElseGet(() -> new ActiveStatus("ready; no backup yet" + verifyNote));
  }

  /** Writes this unit's bacula_dir bag, deleting keys it no longer carries (e.g. the schedule). */
  private static void publish(Relation director, FileDaemonUnitData mine) {
    director.localUnitData().update(mine.toDatabag(), FileDaemonUnitData.KEYS);
  }

  /**
   * Deletes everything this unit published on bacula-dir, so that the Director drops this client
   * while there is nothing valid to back up (a target that went away must not leave a stale Job).
   */
  private static void withdraw(Relation director) {
    director.localUnitData().update(Map.of(), FileDaemonUnitData.KEYS);
  }

  private static boolean hasScripts(BackupRequirerData target) {
    return BackupRequirerData.SCRIPT_KEYS.stream().anyMatch(k -> target.script(k).isPresent());
  }

  private Optional<String> ingressAddress(Relation director) {
    Optional<String> fromBag = director.localUnitData().get("ingress-address");
    if (fromBag.isPresent() && !fromBag.get().isBlank()) {
      return fromBag;
    }
    return model().network(BACULA_DIR, director).ingressAddress();
  }

  private void stopFileDaemon() {
    try {
      if (host.isInstalled()) {
        host.stop();
      }
    } catch (BaculaException e) {
      LOG.warn("stopping the File Daemon failed: {}", e.getMessage());
    }
  }

  /**
   * The problems with the server's bag, never quoting the {@code password} value: if a server put a
   * password there instead of a secret id, neither the status nor the log may repeat it.
   */
  private static String describeRedacted(DatabagResult<DirectorAppData> result) {
    return result.errors().stream()
        .map(
            e ->
                e.key().equals(DirectorAppData.PASSWORD)
                    ? "password is not a Juju secret id; bacula-server must publish the id of a"
                        + " secret (secret:...), never the password itself"
                    : e.message())
        .distinct()
        .collect(Collectors.joining("; "));
  }

  private static String firstLine(String text) {
    String s = text == null ? "" : text.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * The target's script paths that the interface allows but Bacula would split, expand or misquote.
   * The Director refuses such a client, so this unit says so where the path was set instead of
   * staying active while no backup can run.
   */
  private static List<String> unrunnableScripts(BackupRequirerData target) {
    List<String> problems = new ArrayList<>();
    for (String key : BackupRequirerData.SCRIPT_KEYS) {
      target
          .script(key)
          .ifPresent(
              path ->
                  RunScript.problemWithScriptPath(path)
                      .ifPresent(why -> problems.add(key + " \"" + path + "\" " + why)));
    }
    return problems;
  }
}
