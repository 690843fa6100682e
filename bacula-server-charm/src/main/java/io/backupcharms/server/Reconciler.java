package io.backupcharms.server;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.Director;
import io.backupcharms.bacula.config.RunSpec;
import io.backupcharms.bacula.config.SchedulePeriod;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.host.HostException;
import io.backupcharms.bacula.tls.CertificateAuthority;
import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.MaintenanceStatus;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.StoredState;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.model.GrantedSecret;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Port;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Secret;
import io.backupcharms.ops.model.Unit;
import io.backupcharms.schema.ClientsLeftOut;
import io.backupcharms.schema.DirectorAppData;
import io.backupcharms.schema.UnitPasswords;
import io.backupcharms.server.apply.Rollout;
import io.backupcharms.server.apply.RolloutException;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.catalog.CatalogProblem;
import io.backupcharms.server.catalog.DatabaseRelation;
import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.ClientReading;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.Clients;
import io.backupcharms.server.clients.FdNames;
import io.backupcharms.server.clients.NameBindings;
import io.backupcharms.server.config.InvalidSettingException;
import io.backupcharms.server.config.PlanBuilder;
import io.backupcharms.server.config.ServerIdentity;
import io.backupcharms.server.config.ServerSettings;
import io.backupcharms.server.encryption.DataKeys;
import io.backupcharms.server.encryption.UnitKeys;
import io.backupcharms.server.metrics.ExporterConfig;
import io.backupcharms.server.metrics.OffsiteState;
import io.backupcharms.server.observability.AlertRules;
import io.backupcharms.server.observability.CosAgent;
import io.backupcharms.server.observability.ScrapeEndpoint;
import io.backupcharms.server.observability.Topology;
import io.backupcharms.server.secrets.PasswordSecrets;
import io.backupcharms.server.tls.DeploymentTls;
import io.backupcharms.server.tls.ProvidedCertificates;
import io.backupcharms.server.workload.ServerTlsFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives the whole desired state from the model and converges the machine on it, on every hook.
 * Returns the statuses an operator should see; the charm reports them at collect-status.
 */
final class Reconciler {

  static final String PEERS = "bacula-server-peers";
  static final String DATABASE = "database";
  private static final String SECRET_RELATIONS = "relation-secrets";

  /** Stored state: the labels of the File Daemon units' own secrets, to remove departed ones. */
  private static final String UNIT_SECRETS = "unit-secrets";

  /** Stored state: the verify-schedule the exporter was last told, and since when. */
  private static final String VERIFY_SCHEDULE = "verify-schedule";

  private static final String VERIFY_SINCE = "verify-schedule-since";

  /** Stored state: the installed Director's version and its binary's stamp. */
  static final String VERSION = "bacula-version";

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final Model model;
  private final StoredState stored;
  private final Workload workload;
  private final List<Status> statuses = new ArrayList<>();

  /**
   * The File Daemon units' own secrets read this hook, by unit: written through one object each.
   */
  private final Map<String, Secret> unitSecrets = new HashMap<>();

  Reconciler(Model model, StoredState stored, Workload workload) {
    this.model = model;
    this.stored = stored;
    this.workload = workload;
  }

  List<Status> run() {
    Unit unit = model.unit();
    List<String> others = otherUnits();
    if (!others.isEmpty()) {
      if (!unit.isLeader()) {
        // Only the leader runs the daemons; this unit stays idle until it is removed.
        stepDown(unit);
        statuses.add(
            new BlockedStatus(
                "bacula-server runs as one unit only and this one is idle; remove it with: juju"
                    + " remove-unit "
                    + unit.name()));
        return statuses;
      }
      statuses.add(
          new BlockedStatus(
              "bacula-server runs as one unit only; remove the others with: juju remove-unit "
                  + String.join(" ", others)));
    }
    if (!unit.isLeader()) {
      stepDown(unit);
      statuses.add(new WaitingStatus("waiting to be elected leader"));
      return statuses;
    }
    ServerSettings settings;
    try {
      settings = ServerSettings.fromConfig(model.config().asMap());
    } catch (InvalidSettingException e) {
      statuses.add(e.status());
      return statuses;
    }
    Optional<String> address = model.network(ClientBags.ENDPOINT).ingressAddress();
    if (address.isEmpty()) {
      statuses.add(new WaitingStatus("waiting for Juju to give the unit an ingress address"));
      return statuses;
    }
    Optional<ServerIdentity> identity = identity(address.get());
    if (identity.isEmpty()) {
      statuses.add(new WaitingStatus("waiting for the leader to create the passwords"));
      return statuses;
    }
    Optional<CatalogDatabase> catalog = catalog();
    if (catalog.isEmpty()) {
      return statuses;
    }
    try {
      unit.setPorts(Set.of(Port.tcp(9101), Port.tcp(9103), Port.tcp(ExporterConfig.DEFAULT_PORT)));
      workload.prepare(catalog.get(), what -> model.unit().setStatus(new MaintenanceStatus(what)));
    } catch (CatalogProblem | IllegalStateException | HostException e) {
      statuses.add(new BlockedStatus(e.getMessage()));
      return statuses;
    }
    BaculaVersion version;
    try {
      version = installedVersion();
    } catch (BaculaException e) {
      statuses.add(
          new BlockedStatus(
              "cannot tell which Bacula the machine has: "
                  + e.getMessage()
                  + "; reinstall bacula-director on it (apt-get install --reinstall"
                  + " bacula-director); the next hook checks again"));
      return statuses;
    }
    LeaderValue<NameBindings> store = LeaderValue.bindings(model, stored);
    NameBindings bindings = ClientBags.bindings(model, stored);
    Clients clients = ClientBags.read(model, bindings);
    issueDataKeys(clients);
    LeaderValue<ClientHistory> historyStore = LeaderValue.history(model, stored);
    ClientHistory history = historyStore.read();
    PlanBuilder builder =
        new PlanBuilder(settings, identity.get(), catalog.get(), workload.layout())
            .withRetained(history.notIn(clients.ready()));
    try {
      Rollout.Result applied =
          workload
              .rollout(address.get(), identity.get().consolePassword(), version)
              .apply(builder, clients);
      clients = applied.clients();
      applied.deferred().ifPresent(why -> statuses.add(new WaitingStatus(why)));
      List<String> live = liveConfigs();
      if (live.size() == 2) {
        // Only when both files could be read: a file left unread may name what would be deleted.
        workload.tls().ifPresent(files -> files.removeUnnamed(live));
      }
    } catch (RolloutException e) {
      LOG.error("{}", e.getMessage());
      statuses.add(e.status());
      return statuses;
    }
    // Bound only once the Director accepted the client, so data Bacula refused binds nothing.
    store.write(bindings.withClients(clients.ready()));
    historyStore.write(
        history.withClients(clients.ready(), new FdNames(model.name(), model.uuid())));
    publishLeftOut(clients);
    String note = "";
    Optional<OffMachine.Pass> offsite =
        new OffMachine(model, stored, workload)
            .reconcile(
                () -> workload.console(address.get(), identity.get().consolePassword()),
                catalog.get());
    if (offsite.isPresent()) {
      offsite.get().status().ifPresent(statuses::add);
      note = offsite.get().note();
    }
    note = volumeDisk(settings, note);
    serveMetrics(
        settings,
        address.get(),
        identity.get(),
        catalog.get(),
        clients,
        offsite.map(OffMachine.Pass::state));
    reportClients(clients, catalog.get(), note);
    return statuses;
  }

  /** The Director's version, asked only when its binary changed since the last hook asked. */
  private BaculaVersion installedVersion() {
    InstalledVersion v =
        workload.version(stored.getString(VERSION).flatMap(InstalledVersion::decode));
    stored.set(VERSION, v.encode());
    return v.version();
  }

  /**
   * When this unit first saw the current verify-schedule: the first verify is due a period after
   * it, so setting a schedule does not page at once for the verifies it never asked for.
   */
  private long verifySince(ServerSettings settings) {
    String schedule = settings.verifySchedule().toString();
    if (!schedule.equals(stored.getString(VERIFY_SCHEDULE).orElse(null))) {
      stored.set(VERIFY_SCHEDULE, schedule);
      stored.set(VERIFY_SINCE, Instant.now().getEpochSecond());
    }
    return stored.getLong(VERIFY_SINCE).orElse(0L);
  }

  /**
   * Keeps the metrics exporter in step with the clients the Director has now. A failure to start it
   * costs no backup, so it is logged and retried at the next hook, not a blocked status.
   */
  private void serveMetrics(
      ServerSettings settings,
      String address,
      ServerIdentity identity,
      CatalogDatabase catalog,
      Clients clients,
      Optional<OffsiteState> offsite) {
    FdNames names = new FdNames(model.name(), model.uuid());
    List<ExporterConfig.ClientLabels> labels = new ArrayList<>();
    for (ClientSpec c : clients.ready()) {
      long period =
          SchedulePeriod.longestGap(c.schedule().stream().map(RunSpec::parse).toList()).toSeconds();
      labels.add(
          new ExporterConfig.ClientLabels(
              c.clientResource(), names.attributedUnit(c.name(), c.unit()), period));
    }
    ExporterConfig config =
        new ExporterConfig(
            address,
            ExporterConfig.DEFAULT_PORT,
            address,
            Director.DEFAULT_PORT,
            identity.consolePassword(),
            workload.layout().volumes().toString(),
            catalog instanceof CatalogDatabase.Sqlite sqlite ? sqlite.file().toString() : "",
            settings.minFreeBytes(),
            labels,
            offsite.isPresent() ? workload.layout().offsiteState().toString() : "",
            SchedulePeriod.longestGap(settings.verifySchedule()).toSeconds(),
            verifySince(settings));
    try {
      workload.serveMetrics(config, offsite);
    } catch (RuntimeException e) {
      LOG.warn("the metrics exporter is not running: {}", e.getMessage());
    }
    List<Relation> scrapers = model.relations(ScrapeEndpoint.ENDPOINT);
    List<Relation> agents = model.relations(CosAgent.ENDPOINT);
    if (scrapers.isEmpty() && agents.isEmpty()) {
      return;
    }
    Topology topology =
        new Topology(
            model.name(), model.uuid(), model.app().name(), model.unit().name(), "bacula-server");
    Map<String, Object> rules =
        AlertRules.of(workload.charmDir().resolve("src/prometheus_alert_rules"), topology);
    for (Relation r : scrapers) {
      ScrapeEndpoint.publish(
          r, topology, address, hostName(address), ExporterConfig.DEFAULT_PORT, true, rules);
    }
    for (Relation r : agents) {
      CosAgent.publish(
          r,
          topology,
          address,
          ExporterConfig.DEFAULT_PORT,
          rules,
          workload.charmDir().resolve("src/grafana_dashboards"));
    }
  }

  private static String hostName(String fallback) {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      return fallback;
    }
  }

  /** A unit that is not the leader runs no daemon and opens no port (it may have led before). */
  private void stepDown(Unit unit) {
    List<String> stopped = workload.stopDaemons();
    workload.stopMetrics();
    if (!stopped.isEmpty()) {
      LOG.info("this unit is not the leader: stopped {}", String.join(", ", stopped));
    }
    unit.setPorts(Set.of());
  }

  /**
   * Says how full the volume disk is before it is full: blocked under {@code min-free-space} (every
   * backup then fails before it writes), a warning in the active status under twice that.
   */
  private String volumeDisk(ServerSettings settings, String note) {
    long free = workload.freeVolumeBytes();
    String where = workload.layout().volumes().toString();
    if (free < settings.minFreeBytes()) {
      statuses.add(
          new BlockedStatus(
              "volume disk full: "
                  + gib(free)
                  + " free on "
                  + where
                  + ", under min-free-space "
                  + gib(settings.minFreeBytes())
                  + "; every backup fails before"
                  + " it writes (existing backups are intact): free space, add a disk, or shorten"
                  + " volume-retention"));
      return note;
    }
    if (free / 2 < settings.minFreeBytes()) {
      String low = "volume disk low: " + gib(free) + " free";
      return note.isEmpty() ? low : note + "; " + low;
    }
    return note;
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }

  /** The other units of the application (on the peer relation), in unit order. */
  private List<String> otherUnits() {
    Optional<Relation> peers = model.relation(PEERS);
    if (peers.isEmpty()) {
      return List.of();
    }
    Set<String> others = new TreeSet<>(ClientBags::compareUnits);
    peers.get().units().forEach(u -> others.add(u.name()));
    return new ArrayList<>(others);
  }

  /** The passwords, created once by the leader, and the Director's data on every relation. */
  private Optional<ServerIdentity> identity(String address) {
    PasswordSecrets secrets = new PasswordSecrets(model);
    Optional<String> consolePassword =
        secrets.password(PasswordSecrets.CONSOLE, "Password of the Bacula Director's console");
    Optional<String> storagePassword =
        secrets.password(PasswordSecrets.STORAGE, "Password between Director and Storage Daemon");
    if (consolePassword.isEmpty() || storagePassword.isEmpty()) {
      return Optional.empty();
    }
    Optional<CertificateAuthority> authority =
        workload.tls().isPresent() ? new DeploymentTls(model).authority() : Optional.empty();
    Optional<DeploymentTls.Pass> tlsPass =
        authority.map(a -> DeploymentTls.pass(a, ProvidedCertificates.read(model), stored));
    boolean serverTrustsAll = tlsPass.map(p -> serverRuns(p.trust())).orElse(false);
    String trustFingerprint =
        tlsPass.map(p -> UnitPasswords.fingerprint(p.trust().strip())).orElse("");
    boolean fileDaemonsTrustAll = true;
    Map<Integer, String> perRelation = new HashMap<>();
    Map<String, String> perUnit = new HashMap<>();
    Set<String> tlsUnits = new TreeSet<>();
    Set<Integer> current = new HashSet<>();
    Set<String> unitLabels = new TreeSet<>();
    for (Relation relation : model.relations(ClientBags.ENDPOINT)) {
      Optional<Secret> secret = secrets.relationSecret(relation);
      if (secret.isEmpty()) {
        continue;
      }
      String id = secret.get().id().orElseGet(() -> secret.get().info().id());
      perRelation.put(relation.id(), secret.get().getContent().get(PasswordSecrets.KEY));
      Map<String, String> unitIds = secrets.unitSecrets(relation);
      for (String unit : unitIds.keySet()) {
        unitLabels.add(PasswordSecrets.unitLabel(relation.id(), unit));
        Map<String, String> unitBag = relation.remoteUnitData(model.unitNamed(unit)).asMap();
        Optional<Secret> own = secrets.unitSecret(relation, unit);
        own.ifPresent(o -> unitSecrets.put(unit, o));
        own.ifPresent(o -> PasswordSecrets.forgetPrevious(o, unitBag));
        if (tlsPass.isPresent() && unitBag.get("ingress-address") != null && own.isPresent()) {
          // The certificate names the address Juju gives the unit, the one the Director dials.
          tlsPass.get().issueInto(own.get(), unit, unitBag.get("ingress-address"), serverTrustsAll);
        }
        if (UnitPasswords.usesUnitPassword(unitBag)) {
          secrets.ownPassword(relation, unit).ifPresent(p -> perUnit.put(unit, p));
          if (authority.isPresent() && UnitPasswords.requiresTls(unitBag)) {
            tlsUnits.add(unit);
            fileDaemonsTrustAll &=
                trustFingerprint.equals(unitBag.get(UnitPasswords.TLS_TRUST_KEY));
          }
        }
      }
      Map<String, String> bag =
          new HashMap<>(new DirectorAppData(PlanBuilder.DIRECTOR, id).toDatabag());
      bag.put(UnitPasswords.KEY, UnitPasswords.encode(unitIds));
      relation.localAppData().update(bag, List.of());
      current.add(relation.id());
    }
    forgetDepartedRelations(secrets, current);
    forgetDepartedUnits(secrets, unitLabels);
    Tls tls = null;
    if (tlsPass.isPresent()) {
      ServerTlsFiles files = workload.tls().orElseThrow();
      tls =
          files.install(
              tlsPass
                  .get()
                  .forServer(
                      files, address, model.unit().name(), serverTrustsAll && fileDaemonsTrustAll));
      tlsPass.get().finish();
      for (String problem : tlsPass.get().problems()) {
        LOG.warn("certificates relation: {}", problem);
        statuses.add(
            new BlockedStatus(
                "certificates: "
                    + problem
                    + "; the daemons keep the"
                    + " deployment's own certificates meanwhile"));
      }
    }
    return Optional.of(
        new ServerIdentity(
            address,
            consolePassword.get(),
            storagePassword.get(),
            perRelation,
            perUnit,
            tls,
            tlsUnits));
  }

  /**
   * Whether the Director's and the Storage Daemon's installed files both trust exactly {@code
   * trust}.
   */
  private boolean serverRuns(String trust) {
    ServerTlsFiles files = workload.tls().orElseThrow();
    List<String> live = liveConfigs();
    return live.size() == 2 && live.stream().allMatch(text -> files.names(text, trust));
  }

  /** The Director's and the Storage Daemon's installed files, those that exist. */
  private List<String> liveConfigs() {
    List<String> texts = new ArrayList<>();
    for (Path live :
        List.of(workload.layout().directorConfig(), workload.layout().storageConfig())) {
      try {
        if (Files.isRegularFile(live)) {
          texts.add(Files.readString(live));
        }
      } catch (IOException e) {
        // Left out: the caller then deletes no file and trusts no change.
      }
    }
    return texts;
  }

  /**
   * With {@code encryption} on, puts each accepted client's data key and the master certificate
   * into its unit's own secret. Only clients whose name the server accepted get a key, so no unit
   * can obtain another client's key by publishing its name. Once a master key exists, encryption
   * stays on: File Daemons that dropped their keys could no longer restore what they encrypted.
   */
  private void issueDataKeys(Clients clients) {
    DataKeys keys = new DataKeys(model);
    boolean wanted = DataKeys.wanted(model.config().asMap());
    Optional<DataKeys.DataKey> master = keys.master();
    if (!wanted && master.isEmpty()) {
      return;
    }
    if (!wanted) {
      statuses.add(
          new BlockedStatus(
              "encryption stays on: backups are encrypted and their File"
                  + " Daemons need their keys to restore them; set encryption=true"));
    }
    String certificate = master.orElseGet(keys::masterOrCreate).pair().certificate();
    for (ClientSpec client : clients.ready()) {
      Secret own = unitSecrets.get(client.unit());
      if (own != null) {
        UnitKeys.issue(own, keys.clientOrCreate(client.clientResource()).pair(), certificate);
      }
    }
  }

  /** Removes the own secrets of File Daemon units that departed, so none outlives its unit. */
  private void forgetDepartedUnits(PasswordSecrets secrets, Set<String> current) {
    if (!model.unit().isLeader()) {
      return;
    }
    for (String label : stored.getString(UNIT_SECRETS).orElse("").split(",")) {
      if (!label.isBlank() && !current.contains(label)) {
        try {
          secrets.removeUnitSecret(label);
        } catch (ModelError e) {
          LOG.warn("could not remove the secret {} of a departed unit: {}", label, e.getMessage());
        }
      }
    }
    stored.set(UNIT_SECRETS, String.join(",", current));
  }

  /** Removes the secrets of relations that are gone, so no File Daemon keeps a usable password. */
  private void forgetDepartedRelations(PasswordSecrets secrets, Set<Integer> current) {
    Set<Integer> known = new TreeSet<>();
    stored
        .getString(SECRET_RELATIONS)
        .ifPresent(
            s -> {
              for (String id : s.split(",")) {
                if (!id.isBlank()) {
                  known.add(Integer.parseInt(id));
                }
              }
            });
    for (int id : known) {
      if (!current.contains(id)) {
        try {
          secrets.removeRelationSecret(id);
        } catch (ModelError e) {
          LOG.warn("could not remove the secret of relation bacula-dir:{}: {}", id, e.getMessage());
        }
      }
    }
    stored.set(
        SECRET_RELATIONS,
        new TreeSet<>(current).stream().map(String::valueOf).collect(Collectors.joining(",")));
  }

  /**
   * SQLite unless a database relation gives working PostgreSQL credentials. While the relation is
   * incomplete or refused, a server still on SQLite keeps serving from SQLite.
   */
  Optional<CatalogDatabase> catalog() {
    CatalogDatabase sqlite = new CatalogDatabase.Sqlite(workload.layout().workingDirectory());
    Optional<Relation> relation = model.relation(DATABASE);
    if (relation.isEmpty()) {
      return Optional.of(sqlite);
    }
    relation.get().localAppData().update(DatabaseRelation.request(), List.of());
    Map<String, String> provider = relation.get().remoteAppData().asMap();
    DatabaseRelation.Reading reading = DatabaseRelation.read(provider, this::readSecret);
    if (reading instanceof DatabaseRelation.Ready ready) {
      try {
        workload.checkPostgres(ready.catalog());
        return Optional.of(ready.catalog());
      } catch (CatalogProblem e) {
        statuses.add(new BlockedStatus("catalog: " + e.getMessage()));
      }
    } else if (reading instanceof DatabaseRelation.Invalid invalid) {
      LOG.warn("{}", invalid.reason());
      statuses.add(new BlockedStatus(invalid.reason()));
    } else {
      statuses.add(new WaitingStatus(((DatabaseRelation.Waiting) reading).reason()));
    }
    // Keep serving from SQLite while PostgreSQL is not usable, unless the machine already switched.
    return workload.hasSqliteBackend() ? Optional.of(sqlite) : Optional.empty();
  }

  private Optional<Map<String, String>> readSecret(String id) {
    try {
      return Optional.of(
          GrantedSecret.read(
              model, stored, id, "the PostgreSQL credentials secret", workload::pause));
    } catch (ModelError e) {
      return Optional.empty();
    }
  }

  /**
   * Tells every File Daemon the Director leaves out why, on its own relation, so that its unit is
   * blocked with the reason instead of looking healthy while nothing backs it up.
   */
  private void publishLeftOut(Clients clients) {
    for (Relation relation : model.relations(ClientBags.ENDPOINT)) {
      Map<String, String> reasons = new TreeMap<>();
      for (ClientReading.Rejected r : clients.rejected()) {
        if (r.relationId() == relation.id()) {
          reasons.put(r.unit(), String.join("; ", r.problems()));
        }
      }
      relation
          .localAppData()
          .update(Map.of(ClientsLeftOut.KEY, ClientsLeftOut.encode(reasons)), List.of());
    }
  }

  private void reportClients(Clients clients, CatalogDatabase catalog, String offsiteNote) {
    for (ClientReading.Rejected r : clients.rejected()) {
      LOG.warn("client left out of the Director: {}", r.message());
    }
    if (!clients.rejected().isEmpty()) {
      // Every claimant of a clashing name carries the same problem: count the problem once.
      long more =
          clients.rejected().stream().map(ClientReading.Rejected::problems).distinct().count() - 1;
      statuses.add(
          new BlockedStatus(
              "invalid client data, client left out: "
                  + clients.rejected().get(0).message()
                  + (more > 0 ? " (and " + more + " more; see juju debug-log)" : "")));
    }
    int ready = clients.ready().size();
    String backend = catalog instanceof CatalogDatabase.Postgres ? ", PostgreSQL catalog" : "";
    if (ready == 0 && clients.pending().isEmpty()) {
      statuses.add(
          new WaitingStatus("waiting for clients: integrate bacula-fd with bacula-server"));
    } else if (ready == 0) {
      statuses.add(
          new WaitingStatus(
              "waiting for "
                  + clients.pending().size()
                  + " File Daemon(s) to publish their data: see "
                  + units(clients.pending())));
    } else {
      // A File Daemon that withdrew its data is usually blocked on its own side (bad backup data):
      // name it, so the operator looks there instead of waiting.
      String pending =
          clients.pending().isEmpty()
              ? ""
              : ", " + clients.pending().size() + " left out: see " + units(clients.pending());
      statuses.add(
          new ActiveStatus(
              ready
                  + (ready == 1 ? " client" : " clients")
                  + pending
                  + backend
                  + (offsiteNote.isEmpty() ? "" : ", " + offsiteNote)));
    }
  }

  /** {@code a-fd/0, b-fd/1, c-fd/2 and 4 more}: short enough for a status line. */
  private static String units(List<ClientReading.Pending> pending) {
    List<String> names = pending.stream().map(ClientReading.Pending::unit).toList();
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }
}
