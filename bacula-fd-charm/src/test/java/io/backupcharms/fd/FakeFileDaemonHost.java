package io.backupcharms.fd;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.Pki;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.bacula.render.BaculaRenderer;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A File Daemon host in memory that behaves like the real one where the charm can tell: the
 * rendered file is kept, and the daemon "restarts" only when its bytes change.
 */
final class FakeFileDaemonHost implements FileDaemonHost {
  /** The key the last installTls wrote. */
  String tlsKey;

  boolean installed = true;
  int installs;
  String liveConfig;
  FileDaemonConfig lastConfig;
  int restarts;
  int stops;
  boolean running;
  List<TerminatedJob> jobs = new ArrayList<>();
  IOException monitorFailure;
  BaculaException applyFailure;

  /** The unit that owns the machine's File Daemon; null while none does. */
  String owner;

  /**
   * The version the machine's bacula-fd reports, and its binary's stamp; an upgrade changes both.
   */
  BaculaVersion version = BaculaVersion.V9_6_7;

  String binaryStamp = "1000/1/(dev=1,ino=1)";

  /** How often the binary was asked for its version. */
  int versionProbes;

  /** The version the last apply rendered for. */
  BaculaVersion appliedVersion;

  /** When set, asking the binary fails so (a missing or foreign bacula-fd). */
  BaculaException versionFailure;

  @Override
  public InstalledVersion version(Optional<InstalledVersion> known) {
    if (versionFailure != null) {
      throw versionFailure;
    }
    if (known.isPresent() && known.get().stamp().equals(binaryStamp)) {
      return known.get();
    }
    versionProbes++;
    return new InstalledVersion(version, binaryStamp);
  }

  @Override
  public Optional<String> claim(String unit) {
    if (owner == null) {
      owner = unit;
    }
    return owner.equals(unit) ? Optional.empty() : Optional.of(owner);
  }

  @Override
  public void release(String unit) {
    if (unit.equals(owner)) {
      owner = null;
    }
  }

  @Override
  public boolean isInstalled() {
    return installed;
  }

  @Override
  public void install() {
    installs++;
    installed = true;
  }

  @Override
  public Tls installTls(String authority, KeyAndCertificate own) {
    tlsKey = own.key();
    return Tls.required(
        "/etc/bacula/fd-tls/ca.pem",
        "/etc/bacula/fd-tls/fd-" + own.fingerprint() + ".pem",
        "/etc/bacula/fd-tls/fd-" + own.fingerprint() + ".key");
  }

  /** The key pair the last installPki wrote. */
  KeyAndCertificate pkiKeypair;

  @Override
  public Pki installPki(KeyAndCertificate keypair, String masterCertificate) {
    pkiKeypair = keypair;
    return new Pki(
        "/etc/bacula/fd-pki/keypair-" + keypair.fingerprint() + ".pem",
        List.of("/etc/bacula/fd-pki/master.pem"));
  }

  /** How often the no-op script was written. */
  int noopInstalls;

  @Override
  public String noopScriptPath() {
    return "/var/lib/bacula-fd-charm/noop";
  }

  @Override
  public void installNoopScript() {
    noopInstalls++;
  }

  @Override
  public String monitorPassword() {
    return "monitor-pw";
  }

  @Override
  public boolean apply(FileDaemonConfig config, BaculaVersion renderFor) {
    if (applyFailure != null) {
      throw applyFailure;
    }
    String rendered = BaculaRenderer.render(config, renderFor);
    lastConfig = config;
    appliedVersion = renderFor;
    if (rendered.equals(liveConfig)) {
      return false;
    }
    liveConfig = rendered;
    restarts++;
    running = true;
    return true;
  }

  /** What runningJobs answers. */
  int runningJobs;

  @Override
  public boolean isLive(FileDaemonConfig config, BaculaVersion renderFor) {
    return BaculaRenderer.render(config, renderFor).equals(liveConfig);
  }

  @Override
  public int runningJobs(String address, int port, String monitorName, String password) {
    return running ? runningJobs : 0;
  }

  @Override
  public void removeUnusedKeyFiles(FileDaemonConfig live) {}

  @Override
  public void ensureRunning(String address, int port) {
    running = true;
  }

  /** What {@link #pause} was asked to wait, in order; it returns at once. */
  final List<Duration> pauses = new ArrayList<>();

  @Override
  public void pause(Duration d) {
    pauses.add(d);
  }

  @Override
  public void stop() {
    stops++;
    running = false;
  }

  @Override
  public List<TerminatedJob> terminatedJobs(
      String address, int port, String monitorName, String password) throws IOException {
    if (monitorFailure != null) {
      throw monitorFailure;
    }
    return List.copyOf(jobs);
  }
}
