package io.backupcharms.server.config;

import io.backupcharms.bacula.apply.Generation;
import io.backupcharms.bacula.config.Catalog;
import io.backupcharms.bacula.config.Client;
import io.backupcharms.bacula.config.Device;
import io.backupcharms.bacula.config.Director;
import io.backupcharms.bacula.config.DirectorAccess;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.FileSet;
import io.backupcharms.bacula.config.FileSetOptions;
import io.backupcharms.bacula.config.InvalidConfigException;
import io.backupcharms.bacula.config.Job;
import io.backupcharms.bacula.config.JobType;
import io.backupcharms.bacula.config.Level;
import io.backupcharms.bacula.config.Messages;
import io.backupcharms.bacula.config.Pool;
import io.backupcharms.bacula.config.RunScript;
import io.backupcharms.bacula.config.RunSpec;
import io.backupcharms.bacula.config.Schedule;
import io.backupcharms.bacula.config.Storage;
import io.backupcharms.bacula.config.StorageDaemon;
import io.backupcharms.bacula.config.StorageDaemonConfig;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.workload.FreeSpaceCheck;
import io.backupcharms.server.workload.ServerLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Builds the Director's and Storage Daemon's configuration. Every client gets its own Client,
 * FileSet, backup Job (Accurate, so a restore reproduces the tree), restore Job and, when it asked
 * for one, its own Schedule, which its backup Job uses. A client that is known but not ready (its
 * unit is gone, or it is left out) keeps a bare Client resource: Bacula 9.6 restores a client's
 * backups onto another client only while the Director still has a Client resource of the first one
 * ({@code restore client=<old> restoreclient=<new>} answers "Client not found" otherwise).
 */
public final class PlanBuilder {

  /** The Director's name, as the reference charms publish it. */
  public static final String DIRECTOR = ClientSpec.RESERVED_PREFIX + "bacula-dir";

  static final String STORAGE_DAEMON = ClientSpec.RESERVED_PREFIX + "bacula-sd";
  static final String STORAGE = ClientSpec.RESERVED_PREFIX + "file-storage";
  static final String DEVICE = ClientSpec.RESERVED_PREFIX + "file-device";
  static final String MEDIA_TYPE = "File";
  static final String POOL = ClientSpec.RESERVED_PREFIX + "pool";
  static final String CATALOG = ClientSpec.RESERVED_PREFIX + "catalog";
  static final String MESSAGES = ClientSpec.RESERVED_PREFIX + "messages";

  /**
   * Bacula refuses a Director without any Job, and every Job needs a Client and a FileSet. This
   * Admin job (never scheduled; an Admin job contacts no File Daemon) keeps a server without
   * clients valid.
   */
  static final String HOUSEKEEPING = ClientSpec.RESERVED_PREFIX + "housekeeping";

  /** The Schedule of every client's verify Job, from {@code verify-schedule}. */
  static final String VERIFY_SCHEDULE = ClientSpec.RESERVED_PREFIX + "verify-schedule";

  static final String LOCAL_CLIENT = ClientSpec.RESERVED_PREFIX + "bacula-dir-fd";
  static final String LOCAL_FILESET = ClientSpec.RESERVED_PREFIX + "catalog-fileset";

  private final ServerSettings settings;
  private final ServerIdentity identity;
  private final CatalogDatabase catalog;
  private final ServerLayout layout;
  private final List<KnownClient> retained;

  /**
   * @param layout where the daemons keep their files
   */
  public PlanBuilder(
      ServerSettings settings,
      ServerIdentity identity,
      CatalogDatabase catalog,
      ServerLayout layout) {
    this(settings, identity, catalog, layout, List.of());
  }

  private PlanBuilder(
      ServerSettings settings,
      ServerIdentity identity,
      CatalogDatabase catalog,
      ServerLayout layout,
      List<KnownClient> retained) {
    this.settings = settings;
    this.identity = identity;
    this.catalog = catalog;
    this.layout = layout;
    this.retained = List.copyOf(retained);
  }

  /**
   * A builder that also keeps a bare Client resource for each of {@code known}, the clients the
   * server remembers but that are not ready now, so their backups can still be restored.
   */
  public PlanBuilder withRetained(List<KnownClient> known) {
    return new PlanBuilder(settings, identity, catalog, layout, known);
  }

  /** The one pool every client writes to, with the volume limits of the options. */
  private Pool pool() {
    Pool pool =
        Pool.of(POOL, volumePrefix(), settings.volumeRetention())
            .withMaximumVolumeBytes(settings.maxVolumeBytes());
    return settings.limitsVolumes() ? pool.withMaximumVolumes(settings.maxVolumes()) : pool;
  }

  /**
   * Both daemons' configuration with these clients.
   *
   * @throws InvalidConfigException when the Bacula model refuses a client's resources
   */
  public BaculaPlan build(List<ClientSpec> clients) {
    PlanAssembly assembly = assemble(clients);
    if (!assembly.refused().isEmpty()) {
      throw new InvalidConfigException(
          assembly.refused().stream().map(PlanAssembly.Refusal::reason).toList());
    }
    return assembly.plan();
  }

  /**
   * Both daemons' configuration with every client whose resources the Bacula model accepts, built
   * once: the shared resources first, then each client's on top, so one client's bad data is
   * refused on its own and never takes the others down.
   */
  public PlanAssembly assemble(List<ClientSpec> clients) {
    int jobs = Math.max(2, settings.maxConcurrentJobs());
    DirectorConfig dir =
        DirectorConfig.of(
                Director.of(
                        DIRECTOR,
                        identity.address(),
                        Director.DEFAULT_PORT,
                        identity.consolePassword(),
                        MESSAGES)
                    .withTls(identity.tls())
                    .withMaximumConcurrentJobs(jobs)
                    .withWorkingDirectory(layout.workingDirectory().toString())
                    .withPidDirectory(layout.pidDirectory().toString()),
                catalogResource(),
                Messages.standard(MESSAGES, layout.logFile().toString()))
            .withPool(pool());
    dir =
        dir.withClient(
                new Client(
                    LOCAL_CLIENT,
                    identity.address(),
                    Client.DEFAULT_PORT,
                    derivedPassword("local-client\0"),
                    CATALOG,
                    settings.fileRetention(),
                    settings.jobRetention(),
                    true,
                    1,
                    null))
            .withFileSet(
                FileSet.of(LOCAL_FILESET, List.of(layout.workingDirectory().toString()), List.of()))
            .withJob(
                Job.builder(HOUSEKEEPING, JobType.ADMIN)
                    .client(LOCAL_CLIENT)
                    .fileSet(LOCAL_FILESET)
                    .storage(STORAGE)
                    .pool(POOL)
                    .messages(MESSAGES)
                    .build());
    if (!settings.verifySchedule().isEmpty()) {
      dir = dir.withSchedule(new Schedule(VERIFY_SCHEDULE, settings.verifySchedule()));
    }
    List<ClientSpec> accepted = new ArrayList<>();
    List<PlanAssembly.Refusal> refused = new ArrayList<>();
    for (ClientSpec c : clients) {
      Optional<String> problem = runsProblem(c);
      try {
        if (problem.isEmpty()) {
          // Resources validate on construction; a refused client leaves dir as it was.
          dir = withClient(dir, c, jobs);
          accepted.add(c);
        }
      } catch (InvalidConfigException e) {
        problem = Optional.of(e.getMessage());
      }
      problem.ifPresent(p -> refused.add(new PlanAssembly.Refusal(c, p)));
    }
    for (KnownClient k : retained) {
      if (accepted.stream().noneMatch(c -> c.stem().equals(k.stem()))) {
        // Only the resource's name matters; nothing may reach the old address, where another
        // machine may answer now, so it points at the server with a password no daemon knows.
        dir =
            dir.withClient(
                new Client(
                    k.clientResource(),
                    identity.address(),
                    k.port(),
                    unusablePassword(k),
                    CATALOG,
                    settings.fileRetention(),
                    settings.jobRetention(),
                    true,
                    1,
                    null));
      }
    }
    // Last, because whether the Storage Daemon may require TLS depends on who was accepted.
    dir =
        dir.withStorage(
            new Storage(
                STORAGE,
                identity.address(),
                StorageDaemon.DEFAULT_PORT,
                identity.storagePassword(),
                DEVICE,
                MEDIA_TYPE,
                jobs,
                storageTls(accepted)));
    StorageDaemonConfig sd =
        new StorageDaemonConfig(
            StorageDaemon.of(STORAGE_DAEMON, identity.address(), StorageDaemon.DEFAULT_PORT)
                .withTls(storageTls(accepted))
                .withDirectories(
                    layout.workingDirectory().toString(), layout.pidDirectory().toString()),
            List.of(
                DirectorAccess.of(DIRECTOR, identity.storagePassword()).withTls(identity.tls())),
            List.of(new Device(DEVICE, MEDIA_TYPE, layout.volumes().toString(), jobs)),
            Messages.toDirector(MESSAGES, DIRECTOR));
    // The mark shows after each reload that the Director runs this very file (Rollout).
    return new PlanAssembly(new BaculaPlan(Generation.marked(dir), sd), accepted, refused);
  }

  /**
   * The Storage Daemon requires TLS of the File Daemons when every client can do it, and only
   * offers it while one cannot (Canonical's bacula-fd): ours require it from their side anyway.
   */
  private Tls storageTls(List<ClientSpec> clients) {
    if (identity.tls() == null) {
      return null;
    }
    boolean all = clients.stream().allMatch(c -> identity.tlsUnits().contains(c.unit()));
    return all ? identity.tls() : identity.tls().offered();
  }

  /** One client's schedule must not fill the Director's queue and the volume disk for all. */
  private Optional<String> runsProblem(ClientSpec client) {
    int runs = client.schedule().stream().mapToInt(r -> RunSpec.parse(r).maxRunsPerDay()).sum();
    if (runs <= settings.maxRunsPerDay()) {
      return Optional.empty();
    }
    return Optional.of(
        "schedule asks for up to "
            + runs
            + " backups a day, over the"
            + " server's max-runs-per-day "
            + settings.maxRunsPerDay()
            + "; give fewer or less frequent runs in the File Daemon's schedule, or raise"
            + " max-runs-per-day on bacula-server");
  }

  private DirectorConfig withClient(DirectorConfig dir, ClientSpec c, int jobs) {
    String password = identity.passwordOf(c.relationId(), c.unit());
    if (password == null) {
      throw new IllegalStateException(
          "no password secret for relation " + c.relationLabel() + " of " + c.unit());
    }
    dir =
        dir.withClient(
                new Client(
                    c.clientResource(),
                    c.address(),
                    c.port(),
                    password,
                    CATALOG,
                    settings.fileRetention(),
                    settings.jobRetention(),
                    true,
                    jobs,
                    identity.tlsUnits().contains(c.unit()) ? identity.tls() : null))
            .withFileSet(FileSet.of(c.filesetResource(), c.fileset(), List.of()));
    String schedule = null;
    if (!c.schedule().isEmpty()) {
      dir = dir.withSchedule(Schedule.parse(c.scheduleResource(), c.schedule()));
      schedule = c.scheduleResource();
    }
    List<RunScript> backupScripts = new ArrayList<>();
    // First, on the Director: a nearly full volume disk fails the job before anything is written.
    backupScripts.add(
        RunScript.before(FreeSpaceCheck.command(layout, settings.minFreeBytes()), false));
    c.scripts().beforeBackup().ifPresent(s -> backupScripts.add(RunScript.before(s, true)));
    c.scripts().afterBackup().ifPresent(s -> backupScripts.add(RunScript.after(s, true)));
    List<RunScript> restoreScripts = new ArrayList<>();
    c.scripts().beforeRestore().ifPresent(s -> restoreScripts.add(RunScript.before(s, true)));
    c.scripts().afterRestore().ifPresent(s -> restoreScripts.add(RunScript.after(s, true)));
    Job backup =
        Job.backup(c.backupJob(), c.clientResource(), c.filesetResource(), STORAGE, POOL, MESSAGES)
            .withAccurate(true)
            .withSchedule(schedule)
            .withWriteBootstrap(layout.workingDirectory().resolve(c.stem() + ".bsr").toString())
            // With a volume limit, a backup that finds every volume full and none to recycle waits
            // for the operator; the wait is bounded so it fails, saying why, instead of for good.
            .withMaxWaitTime(settings.limitsVolumes() ? settings.volumeWait() : null)
            .withRunScripts(backupScripts);
    Job restore =
        Job.restore(
                c.restoreJob(),
                c.clientResource(),
                c.filesetResource(),
                STORAGE,
                POOL,
                MESSAGES,
                "/")
            .withRunScripts(restoreScripts);
    // Reads a backup's volumes back through the Storage Daemon and the client's File Daemon and
    // compares every file's attributes and checksum with the catalog: proof the backup is readable.
    // Run by hand (the verify action names the backup's JobId) or by verify-schedule, which reads
    // back the newest good run of the Verify Job.
    Job verify =
        Job.verify(
                c.verifyJob(),
                Level.VOLUME_TO_CATALOG,
                c.clientResource(),
                c.filesetResource(),
                STORAGE,
                POOL,
                MESSAGES)
            .withVerifyJob(c.backupJob())
            .withSchedule(settings.verifySchedule().isEmpty() ? null : VERIFY_SCHEDULE);
    Job deepVerify =
        Job.restore(
                c.deepVerifyJob(),
                c.clientResource(),
                c.filesetResource(),
                STORAGE,
                POOL,
                MESSAGES,
                DeepVerifyJob.directory(c.stem()))
            .withRunScripts(DeepVerifyJob.scripts(c.stem(), FileSetOptions.defaults().signature()));
    return dir.withJob(backup).withJob(restore).withJob(verify).withJob(deepVerify);
  }

  /**
   * The password of a retained Client resource. Its File Daemon is gone along with the relation's
   * secret, and no job of the Director contacts it (its restores go to another client), so the
   * password is one no File Daemon knows. Derived from a server secret rather than random, so that
   * the rendered configuration is the same on every hook and the Director is not reloaded for
   * nothing.
   */
  private String unusablePassword(KnownClient client) {
    return derivedPassword("retained-client\0" + client.name() + "\0");
  }

  /**
   * A password no daemon holds, stable from hook to hook, and unlike any other resource's: the
   * local housekeeping Client and retained Clients only need a name, and must not share the Storage
   * Daemon's password (one leaked password must open one link only).
   */
  private String derivedPassword(String purpose) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(purpose.getBytes(StandardCharsets.UTF_8));
      sha.update(identity.storagePassword().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /**
   * Volumes are named per catalog, so that a server that moved from SQLite to PostgreSQL never
   * writes into a volume only the other catalog knows about.
   */
  private String volumePrefix() {
    return catalog instanceof CatalogDatabase.Postgres ? "charm-pgvol-" : "charm-vol-";
  }

  private Catalog catalogResource() {
    if (catalog instanceof CatalogDatabase.Postgres pg) {
      return Catalog.postgresql(
          CATALOG, pg.database(), pg.user(), pg.password(), pg.host(), pg.port());
    }
    return Catalog.sqlite(CATALOG, CatalogDatabase.DATABASE);
  }
}
