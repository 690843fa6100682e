package io.backupcharms.server;

import static io.backupcharms.bacula.config.Director.DEFAULT_PORT;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.apply.ConfigValidator;
import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.apply.ServiceControl;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.console.ConsoleSettings;
import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.DirectorConsole;
import io.backupcharms.bacula.console.NativeDirector;
import io.backupcharms.bacula.host.Systemctl;
import io.backupcharms.ops.model.GrantedSecret;
import io.backupcharms.server.apply.Rollout;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.catalog.CatalogProblem;
import io.backupcharms.server.catalog.PostgresCheck;
import io.backupcharms.server.metrics.ExporterConfig;
import io.backupcharms.server.metrics.OffsiteState;
import io.backupcharms.server.offsite.Bucket;
import io.backupcharms.server.offsite.RcloneBucket;
import io.backupcharms.server.offsite.S3Settings;
import io.backupcharms.server.workload.Directories;
import io.backupcharms.server.workload.FreeSpaceCheck;
import io.backupcharms.server.workload.MetricsService;
import io.backupcharms.server.workload.Packages;
import io.backupcharms.server.workload.ServerLayout;
import io.backupcharms.server.workload.ServerTlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The server's Debian machine: apt, systemd, Debian's paths. */
final class DebianWorkload implements Workload {

  /** Root-only: the s3 CA chain, catalog dumps in transit. */
  private static final Systemctl SYSTEMD = new Systemctl();

  private static final Path PRIVATE = Path.of("/var/lib/bacula-server-charm/private");

  @Override
  public ServerLayout layout() {
    return ServerLayout.DEBIAN;
  }

  @Override
  public void prepare(CatalogDatabase catalog, Consumer<String> progress) {
    List<String> packages =
        catalog instanceof CatalogDatabase.Postgres ? Packages.POSTGRES : Packages.SQLITE;
    List<String> missing = Packages.missing(packages);
    if (!missing.isEmpty()) {
      if (missing.contains("bacula-director-pgsql")
          || missing.contains("bacula-director-sqlite3")) {
        // The running Director has the other catalog backend loaded; a reload cannot swap it.
        // Stopped now, it is started on the new backend once its configuration is in place.
        SYSTEMD.stop(Daemon.DIRECTOR.unit());
      }
      progress.accept("installing " + String.join(" ", missing));
      Packages.ensure(packages);
    }
    try {
      if (catalog instanceof CatalogDatabase.Postgres pg) {
        CatalogSetup.createPostgres(
            "psql",
            pg.host(),
            pg.port(),
            pg.user(),
            pg.password(),
            pg.database(),
            CatalogSetup.PGSQL_SCHEMA);
      } else {
        CatalogSetup.createSqlite(layout().workingDirectory(), CatalogDatabase.DATABASE);
      }
    } catch (BaculaException e) {
      throw new CatalogProblem("cannot create the catalog: " + e.getMessage());
    }
    Directories.ensure(layout().volumes(), ServerLayout.USER, "rwxr-x---");
    FreeSpaceCheck.install(layout());
  }

  @Override
  public InstalledVersion version(Optional<InstalledVersion> known) {
    return InstalledVersion.detect(Path.of(Daemon.DIRECTOR.path()), known);
  }

  @Override
  public long freeVolumeBytes() {
    try {
      return Files.getFileStore(layout().volumes()).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE; // Unknown: the backups' own check still runs before each job.
    }
  }

  @Override
  public boolean hasSqliteBackend() {
    return Packages.installed(List.of("bacula-director-sqlite3"));
  }

  @Override
  public void checkPostgres(CatalogDatabase.Postgres catalog) {
    PostgresCheck.check(catalog);
  }

  @Override
  public Rollout rollout(String address, String consolePassword, BaculaVersion version) {
    return new Rollout(
        new ConfigValidator(),
        version,
        layout(),
        ServiceControl.systemctl(),
        () -> DirectorConsole.connect(settings(address, consolePassword)));
  }

  @Override
  public List<String> ensureDaemonsRunning() {
    ServiceControl daemons = ServiceControl.systemctl();
    List<String> started = new ArrayList<>();
    for (Daemon daemon : List.of(Daemon.STORAGE, Daemon.DIRECTOR)) {
      if (Files.isRegularFile(
              daemon == Daemon.STORAGE ? layout().storageConfig() : layout().directorConfig())
          && !daemons.isActive(daemon)) {
        daemons.start(daemon);
        started.add(daemon.unit());
      }
    }
    return started;
  }

  @Override
  public List<String> stopDaemons() {
    List<String> stopped = new ArrayList<>();
    for (Daemon daemon : List.of(Daemon.DIRECTOR, Daemon.STORAGE)) {
      if (SYSTEMD.isActive(daemon.unit())) {
        // Disabled too, so a reboot does not start it on a unit that is not the leader.
        SYSTEMD.stop(daemon.unit());
        SYSTEMD.disable(daemon.unit());
        stopped.add(daemon.unit());
      }
    }
    return stopped;
  }

  @Override
  public void serveMetrics(ExporterConfig config, Optional<OffsiteState> offsite) {
    // The JRE this hook runs on, by its absolute path: never the machine's default java.
    String java = ProcessHandle.current().info().command().orElse("/usr/bin/java");
    MetricsService.debian().apply(config, java, charmDir());
    offsite.ifPresent(o -> MetricsService.publish(Path.of(config.offsiteStateFile()), o));
  }

  @Override
  public Path charmDir() {
    return Path.of(System.getenv().getOrDefault("JUJU_CHARM_DIR", System.getProperty("user.dir")));
  }

  @Override
  public void stopMetrics() {
    SYSTEMD.disableNow(MetricsService.UNIT);
  }

  @Override
  public Director console(String address, String password) {
    return NativeDirector.connect(settings(address, password));
  }

  @Override
  public Bucket bucket(S3Settings settings) {
    Packages.ensure(Packages.OFFSITE);
    return new RcloneBucket(settings, privateDirectory());
  }

  @Override
  public Path privateDirectory() {
    return PRIVATE;
  }

  @Override
  public void withDirectorStopped(Runnable change) {
    SYSTEMD.stop(Daemon.DIRECTOR.unit());
    try {
      change.run();
    } finally {
      SYSTEMD.start(Daemon.DIRECTOR.unit());
    }
  }

  @Override
  public Optional<ServerTlsFiles> tls() {
    return Optional.of(ServerTlsFiles.DEBIAN);
  }

  /**
   * TLS whenever the Director offers it: it does from the reload that turns TLS on, and the console
   * that performs that reload still reaches the Director that ran without it.
   */
  private static ConsoleSettings settings(String address, String password) {
    ConsoleSettings plain =
        ConsoleSettings.of(address, DEFAULT_PORT, password)
            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120));
    return ServerTlsFiles.DEBIAN.context().map(plain::withTlsWhenOffered).orElse(plain);
  }

  @Override
  public void pause(Duration d) {
    GrantedSecret.sleep(d);
  }
}
