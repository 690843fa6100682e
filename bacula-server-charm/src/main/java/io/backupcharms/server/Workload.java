package io.backupcharms.server;

import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.console.Director;
import io.backupcharms.server.apply.Rollout;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.metrics.ExporterConfig;
import io.backupcharms.server.metrics.OffsiteState;
import io.backupcharms.server.offsite.Bucket;
import io.backupcharms.server.offsite.S3Settings;
import io.backupcharms.server.workload.ServerLayout;
import io.backupcharms.server.workload.ServerTlsFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the charm does to its machine, behind one seam: the Debian machine in production, a
 * temporary directory in state-transition tests (where {@code bacula-dir -t} still runs).
 */
interface Workload {

  /** Where the files go. */
  ServerLayout layout();

  /**
   * Installs what the catalog backend needs, creates the catalog and the volume directory.
   *
   * @param progress told what is being installed, for a maintenance status
   * @throws io.backupcharms.server.catalog.CatalogProblem when the catalog cannot be created
   * @throws IllegalStateException when packages cannot be installed
   */
  void prepare(CatalogDatabase catalog, Consumer<String> progress);

  /**
   * The installed Director's Bacula version (the Storage Daemon's is the same: Debian's packages
   * require both at {@code bacula-common}'s version): {@code known} while the binary is unchanged,
   * else what {@code bacula-dir -?} says.
   *
   * @throws io.backupcharms.bacula.BaculaException when the binary is missing or prints no version
   */
  InstalledVersion version(Optional<InstalledVersion> known);

  /** Free bytes on the disk of the volume directory, for the status and the backups' check. */
  long freeVolumeBytes();

  /** True while the machine's Director has the SQLite backend installed. */
  boolean hasSqliteBackend();

  /**
   * Connects to PostgreSQL with the relation's credentials.
   *
   * @throws io.backupcharms.server.catalog.CatalogProblem saying why it cannot be used
   */
  void checkPostgres(CatalogDatabase.Postgres catalog);

  /**
   * Puts configurations in service on this machine.
   *
   * @param address where the running Director listens, for its reload
   * @param consolePassword the Director's console password
   * @param version the installed daemons' version, which the files are rendered for
   */
  Rollout rollout(String address, String consolePassword, BaculaVersion version);

  /**
   * Starts the Storage Daemon and the Director if they are not running (with their current files),
   * e.g. after one was killed; changes no configuration.
   *
   * @return the systemd units it had to start, empty when both were running
   */
  List<String> ensureDaemonsRunning();

  /**
   * Stops and disables the Director and the Storage Daemon where they run: a unit that is not the
   * leader must not run them, or two Directors would run each schedule and write the same volumes.
   *
   * @return the systemd units it stopped, empty when neither ran
   */
  List<String> stopDaemons();

  /** A logged-in console on the Director. */
  Director console(String address, String password);

  /**
   * The off-machine bucket the s3 relation names; installs the tool that reaches it if needed.
   *
   * @throws IllegalStateException when the tool cannot be installed
   */
  Bucket bucket(S3Settings settings);

  /** A directory only root reads: the CA chain, catalog dumps in transit. */
  Path privateDirectory();

  /** Runs {@code change} with the Director stopped, and starts it again whatever happens. */
  void withDirectorStopped(Runnable change);

  /**
   * Runs the metrics exporter with {@code config}, restarting it only when something changed, and
   * hands it the off-machine copy's state (into {@code config}'s file, with no restart).
   *
   * @throws IllegalStateException when systemd cannot start it
   */
  void serveMetrics(ExporterConfig config, Optional<OffsiteState> offsite);

  /** The charm's directory: the files it ships, such as its alert rules. */
  Path charmDir();

  /** Stops the metrics exporter where it runs (a unit that is not the leader). */
  void stopMetrics();

  /** The server's TLS files, or empty where the daemons run without TLS (tests). */
  default Optional<ServerTlsFiles> tls() {
    return Optional.empty();
  }

  /** Waits {@code d} on the machine's clock, as between two reads of a secret not granted yet. */
  void pause(Duration d);
}
