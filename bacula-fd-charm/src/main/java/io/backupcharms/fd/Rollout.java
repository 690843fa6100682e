package io.backupcharms.fd;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.apply.ConfigRejectedException;
import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.Pki;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.fd.plan.DaemonSetup;
import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.Status;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the host run a plan's {@link DaemonSetup}: writes its TLS and key files, installs
 * bacula-fd.conf when it changed (not while jobs run), and keeps the daemon listening. No Juju
 * concepts: problems come back as the {@link Status} the unit reports.
 */
final class Rollout {
  private static final Logger LOG = LoggerFactory.getLogger(Rollout.class);

  private final FileDaemonHost host;

  Rollout(FileDaemonHost host) {
    this.host = host;
  }

  /**
   * Converges the File Daemon on {@code setup}, rendered for {@code version}.
   *
   * @return what stops it, or empty once the daemon runs {@code setup}
   */
  Optional<Status> serve(DaemonSetup setup, BaculaVersion version) {
    Tls tls = setup.tls().map(t -> host.installTls(t.authority(), t.own())).orElse(null);
    Pki pki =
        setup.pki().map(k -> host.installPki(k.keypair(), k.masterCertificate())).orElse(null);
    String monitorPassword = host.monitorPassword();
    FileDaemonConfig config;
    try {
      config = setup.config(tls, pki, monitorPassword);
    } catch (BaculaException e) {
      return Optional.of(new BlockedStatus("invalid bacula-fd configuration: " + e.getMessage()));
    }
    if (!host.isLive(config, version)) {
      // Applying restarts bacula-fd, which kills its jobs; a renewed certificate or a key for a
      // restore waits for them (the relation keeps saying what the running daemon holds).
      int running =
          host.runningJobs(
              setup.address(), setup.port(), DaemonSetup.MONITOR_NAME, monitorPassword);
      if (running > 0) {
        LOG.info(
            "bacula-fd.conf changes, but {} job(s) run: the restart that applies it waits",
            running);
        return Optional.of(
            new ActiveStatus(
                "a configuration change (certificate, keys or password) waits for "
                    + running
                    + " running job"
                    + (running == 1 ? "" : "s")
                    + " to end; applied at the next hook"));
      }
    }
    try {
      if (host.apply(config, version)) {
        LOG.info("bacula-fd.conf changed; the File Daemon was restarted");
      }
      host.removeUnusedKeyFiles(config);
      host.ensureRunning(setup.address(), setup.port());
    } catch (BaculaException e) {
      if (e instanceof ConfigRejectedException) {
        LOG.error("bacula-fd -t rejected the candidate configuration: {}", e.getMessage());
      } else {
        LOG.error("applying the File Daemon configuration failed: {}", e.getMessage());
      }
      return Optional.of(
          new BlockedStatus("failed to apply bacula configuration: " + firstLine(e.getMessage())));
    }
    return Optional.empty();
  }

  /** How the last backup went, asked of the daemon that runs {@code setup}. */
  BackupReport lastBackup(DaemonSetup setup) {
    try {
      return BackupReport.of(
          host.terminatedJobs(
              setup.address(), setup.port(), DaemonSetup.MONITOR_NAME, host.monitorPassword()),
          setup.schedule(),
          Instant.now());
    } catch (IOException e) {
      LOG.warn(
          "cannot read the File Daemon's finished jobs at {}:{}: {}",
          setup.address(),
          setup.port(),
          e.getMessage());
      return BackupReport.unknown(e.getMessage());
    }
  }

  /**
   * The installed File Daemon's version: {@code known} while its binary is unchanged.
   *
   * @throws MachineProblem when the binary is missing or prints no version
   */
  InstalledVersion version(Optional<InstalledVersion> known) {
    try {
      return host.version(known);
    } catch (BaculaException e) {
      throw new MachineProblem(
          "cannot tell which Bacula the machine has: "
              + e.getMessage()
              + "; reinstall bacula-fd on it (apt-get install --reinstall bacula-fd); the next"
              + " hook checks again",
          e);
    }
  }

  /** Stops the File Daemon, if installed; a failure is only logged, the next hook tries again. */
  void stop() {
    try {
      if (host.isInstalled()) {
        host.stop();
      }
    } catch (BaculaException e) {
      LOG.warn("stopping the File Daemon failed: {}", e.getMessage());
    }
  }

  private static String firstLine(String text) {
    String s = text == null ? "" : text.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
