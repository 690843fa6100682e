package io.backupcharms.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.apply.ConfigValidator;
import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.apply.DirectorControl;
import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.apply.ServiceControl;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.DirectorUnreachableException;
import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import io.backupcharms.server.apply.Rollout;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.catalog.PostgresCheck;
import io.backupcharms.server.metrics.ExporterConfig;
import io.backupcharms.server.metrics.OffsiteState;
import io.backupcharms.server.offsite.Bucket;
import io.backupcharms.server.offsite.RcloneBucket;
import io.backupcharms.server.offsite.S3Settings;
import io.backupcharms.server.workload.FreeSpaceCheck;
import io.backupcharms.server.workload.ServerLayout;
import io.backupcharms.server.workload.ServerTlsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The server's machine in a temporary directory: the real SQLite catalog, the real {@code
 * bacula-dir -t} / {@code bacula-sd -t} and the real PostgreSQL check, but no systemd (it cannot
 * run here): daemon starts and reloads are recorded instead.
 */
final class TempDirWorkload implements Workload {

  /** What the last hook gave the metrics exporter; empty once stopped or before any. */
  ExporterConfig metrics;

  /** The off-machine copy's state the last hook handed the exporter. */
  Optional<OffsiteState> offsite = Optional.empty();

  final ServerLayout layout;
  final List<String> daemonCalls = new ArrayList<>();

  /** When set, the running Director's console does not answer (hung or still starting). */
  boolean consoleDown;

  private final Set<Daemon> running = EnumSet.noneOf(Daemon.class);

  /** What the running Director read, with Bacula's own parser; null before it first started. */
  private JsonNode directorRuns;

  /** The live file as Bacula's parser ({@code bdirjson}) reads it. */
  private JsonNode parseLive() {
    CommandResult r =
        Command.of(
                List.of("bdirjson", "-c", layout.directorConfig().toString()),
                Duration.ofSeconds(30))
            .run();
    if (!r.isSuccess()) {
      throw new BaculaException("bdirjson refused the live file: " + r.tail(3));
    }
    try {
      return new ObjectMapper().readTree(r.output());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the volume disk has free. */
  long freeVolumeBytes = 500L << 30;

  /** Jobs the Director runs now, as its console reports them. */
  int activeJobs;

  /** The TLS files the charm writes (real openssl); empty: the daemons run without TLS. */
  Optional<ServerTlsFiles> tlsFiles = Optional.empty();

  @Override
  public Optional<ServerTlsFiles> tls() {
    return tlsFiles;
  }

  /** The program each daemon's {@code -t} check runs; a test may wrap the real one. */
  Function<Daemon, String> checkProgram = Daemon::path;

  /** When set, a reload leaves the Director on its old file (Bacula's limit of reload tables). */
  boolean reloadIgnored;

  TempDirWorkload(Path root) {
    this.layout = ServerLayout.under(root);
  }

  String directorConfig() {
    try {
      return Files.readString(layout.directorConfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ServerLayout layout() {
    return layout;
  }

  @Override
  public void prepare(CatalogDatabase catalog, Consumer<String> progress) {
    try {
      Files.createDirectories(layout.volumes());
      Files.createDirectories(layout.directorConfig().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CatalogSetup.createSqlite(layout.workingDirectory(), CatalogDatabase.DATABASE);
    FreeSpaceCheck.install(layout);
  }

  /** The binary asked for the version: the real Director unless a test stands another in. */
  Path directorBinary = Path.of(Daemon.DIRECTOR.path());

  /** How often the binary was asked for its version. */
  int versionProbes;

  /** The version the last rollout rendered for. */
  BaculaVersion renderedFor;

  @Override
  public InstalledVersion version(Optional<InstalledVersion> known) {
    InstalledVersion v = InstalledVersion.detect(directorBinary, known);
    if (known.isEmpty() || v != known.get()) {
      versionProbes++;
    }
    return v;
  }

  @Override
  public long freeVolumeBytes() {
    return freeVolumeBytes;
  }

  @Override
  public boolean hasSqliteBackend() {
    return true;
  }

  @Override
  public void checkPostgres(CatalogDatabase.Postgres catalog) {
    PostgresCheck.check(catalog);
  }

  @Override
  public Rollout rollout(String address, String consolePassword, BaculaVersion version) {
    renderedFor = version;
    return new Rollout(
        new ConfigValidator(d -> checkProgram.apply(d), Duration.ofSeconds(60)),
        version,
        layout,
        new ServiceControl() {
          @Override
          public boolean isActive(Daemon daemon) {
            return running.contains(daemon);
          }

          @Override
          public void start(Daemon daemon) {
            running.add(daemon);
            daemonCalls.add("start " + daemon.unit());
            if (daemon == Daemon.DIRECTOR) {
              directorRuns = parseLive();
            }
          }

          @Override
          public void restart(Daemon daemon) {
            daemonCalls.add("restart " + daemon.unit());
            if (daemon == Daemon.DIRECTOR) {
              directorRuns = parseLive();
            }
          }
        },
        () -> {
          if (consoleDown) {
            throw new DirectorUnreachableException("connection refused", new ConnectException());
          }
          return new ParsedDirector();
        });
  }

  /**
   * Stands in for the running Director's console: a reload makes it read the live file with
   * Bacula's own parser ({@code bdirjson}), and it answers {@code .jobs} and {@code .clients} from
   * what that parser read.
   */
  final class ParsedDirector implements DirectorControl {

    @Override
    public void reload() {
      daemonCalls.add("reload bacula-director");
      if (!reloadIgnored || directorRuns == null) {
        directorRuns = parseLive();
      }
    }

    @Override
    public List<String> jobNames() {
      return names("Job");
    }

    @Override
    public List<String> clientNames() {
      return names("Client");
    }

    @Override
    public List<String> messagesNames() {
      return names("Messages");
    }

    @Override
    public int activeJobs() {
      return activeJobs;
    }

    private List<String> names(String kind) {
      List<String> out = new ArrayList<>();
      for (JsonNode resource : directorRuns) {
        if (resource.has(kind)) {
          out.add(resource.get(kind).get("Name").asText());
        }
      }
      return out;
    }
  }

  @Override
  public List<String> ensureDaemonsRunning() {
    return List.of();
  }

  @Override
  public List<String> stopDaemons() {
    List<String> stopped = new ArrayList<>();
    for (Daemon daemon : List.of(Daemon.DIRECTOR, Daemon.STORAGE)) {
      if (running.remove(daemon)) {
        daemonCalls.add("stop " + daemon.unit());
        stopped.add(daemon.unit());
      }
    }
    return stopped;
  }

  @Override
  public void serveMetrics(ExporterConfig config, Optional<OffsiteState> offsite) {
    metrics = config;
    this.offsite = offsite;
  }

  @Override
  public Path charmDir() {
    // The module's own files, as charm-pack ships them from src/charm.
    return Path.of("src/charm");
  }

  @Override
  public void stopMetrics() {
    metrics = null;
  }

  @Override
  public Director console(String address, String password) {
    throw new BaculaException("connection refused: no Director runs in state tests");
  }

  @Override
  public Bucket bucket(S3Settings settings) {
    return new RcloneBucket(settings, privateDirectory());
  }

  @Override
  public Path privateDirectory() {
    return layout.workingDirectory().resolveSibling("private");
  }

  @Override
  public void withDirectorStopped(Runnable change) {
    daemonCalls.add("stop " + Daemon.DIRECTOR.unit());
    try {
      change.run();
    } finally {
      daemonCalls.add("start " + Daemon.DIRECTOR.unit());
    }
  }

  /** What {@link #pause} was asked to wait, in order; it returns at once. */
  final List<Duration> pauses = new ArrayList<>();

  @Override
  public void pause(Duration d) {
    pauses.add(d);
  }
}
