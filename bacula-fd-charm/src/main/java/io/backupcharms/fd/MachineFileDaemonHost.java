package io.backupcharms.fd;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.apply.ApplyResult;
import io.backupcharms.bacula.apply.ConfigApplier;
import io.backupcharms.bacula.apply.ConfigValidator;
import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.apply.ServiceControl;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.Pki;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.console.ConsoleException;
import io.backupcharms.bacula.console.FileDaemonStatusClient;
import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.bacula.host.AptInstaller;
import io.backupcharms.bacula.host.Systemctl;
import io.backupcharms.bacula.render.BaculaRenderer;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.model.GrantedSecret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real machine: Debian's bacula-fd package, /etc/bacula/bacula-fd.conf and systemd. */
final class MachineFileDaemonHost implements FileDaemonHost {
  static final Path CONFIG = Path.of("/etc/bacula/bacula-fd.conf");
  static final Path STATE_DIR = Path.of("/var/lib/bacula-fd-charm");

  /** The File Daemon's TLS key and certificates: bacula-fd runs as root, so root only. */
  private static final Path TLS_DIR = Path.of("/etc/bacula/fd-tls");

  /** The data-encryption keys; root only, since bacula-fd runs as root. */
  private static final Path PKI_DIR = Path.of("/etc/bacula/fd-pki");

  /** The unit that owns the machine's File Daemon, one line. */
  static final Path OWNER = STATE_DIR.resolve("owner");

  static final Path NOOP = STATE_DIR.resolve("noop");
  private static final Path MONITOR_PASSWORD = STATE_DIR.resolve("monitor-password");
  private static final Path BINARY = Path.of("/usr/sbin/bacula-fd");
  private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(10);
  private static final Systemctl SYSTEMD = new Systemctl();

  private static final Logger LOG = LoggerFactory.getLogger(MachineFileDaemonHost.class);

  @Override
  public boolean isInstalled() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Installs Debian's bacula-fd with the installer both charms share: it waits for apt's lock, and
   * the packaged daemon does not start on the package's configuration, whose passwords the charm's
   * Director does not know (a "Security Alert" in Bacula's log); the charm starts it once its own
   * configuration is written.
   */
  @Override
  public void install() {
    new AptInstaller().install(List.of("bacula-fd"));
  }

  @Override
  public InstalledVersion version(Optional<InstalledVersion> known) {
    return InstalledVersion.detect(BINARY, known);
  }

  @Override
  public Optional<String> claim(String unit) {
    try {
      Files.createDirectories(STATE_DIR);
      try {
        Files.writeString(
            OWNER, unit + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return Optional.empty();
      } catch (FileAlreadyExistsException e) {
        String owner = Files.readString(OWNER).strip();
        if (owner.isEmpty()) {
          Files.writeString(OWNER, unit + "\n");
          return Optional.empty();
        }
        return owner.equals(unit) ? Optional.empty() : Optional.of(owner);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or write " + OWNER + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void release(String unit) {
    try {
      if (Files.exists(OWNER) && Files.readString(OWNER).strip().equals(unit)) {
        // The unit's key and certificate go with it: the authority still trusts the certificate.
        removeFilesExcept(TLS_DIR, Set.of());
        // The server keeps the client's data key; the machine must not.
        removeFilesExcept(PKI_DIR, Set.of());
        Files.delete(OWNER);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot release " + OWNER + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Pki installPki(KeyAndCertificate keypair, String masterCertificate) {
    // Named by fingerprint, so another key changes bacula-fd.conf and restarts the daemon, which
    // reads its keys only at start.
    String keypairName = "keypair-" + keypair.fingerprint() + ".pem";
    String masterName =
        "master-" + new KeyAndCertificate("", masterCertificate).fingerprint() + ".pem";
    try {
      writeRootOnly(
          PKI_DIR, Map.of(keypairName, keypair.keypairFile(), masterName, masterCertificate));
    } catch (IOException e) {
      throw new BaculaException(
          "cannot write the encryption keys in " + PKI_DIR + ": " + e.getMessage(), e);
    }
    return new Pki(
        PKI_DIR.resolve(keypairName).toString(), List.of(PKI_DIR.resolve(masterName).toString()));
  }

  /**
   * Writes each file into {@code dir} (made 0700), mode 0600, atomically, leaving a file that
   * already holds its text untouched.
   */
  private static void writeRootOnly(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    for (var file : files.entrySet()) {
      Path target = dir.resolve(file.getKey());
      if (Files.isRegularFile(target) && Files.readString(target).equals(file.getValue())) {
        continue;
      }
      Path tmp = Files.createTempFile(dir, file.getKey(), ".tmp");
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(tmp, file.getValue());
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes the files of {@code dir} not in {@code kept}. */
  private static void removeFilesExcept(Path dir, Set<String> kept) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (!kept.contains(f.getFileName().toString())) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  @Override
  public Tls installTls(String authority, KeyAndCertificate own) {
    // Named by fingerprint, as the encryption keys are: bacula-fd reads its certificate only at
    // start, so a renewed one must change bacula-fd.conf for the restart that loads it.
    String ca = "ca-" + new KeyAndCertificate("", authority).fingerprint() + ".pem";
    String certificate = "fd-" + own.fingerprint() + ".pem";
    String key = "fd-" + own.fingerprint() + ".key";
    try {
      writeRootOnly(TLS_DIR, Map.of(ca, authority, certificate, own.certificate(), key, own.key()));
    } catch (IOException e) {
      throw new BaculaException(
          "cannot write the TLS files in " + TLS_DIR + ": " + e.getMessage(), e);
    }
    return Tls.required(
        TLS_DIR.resolve(ca).toString(),
        TLS_DIR.resolve(certificate).toString(),
        TLS_DIR.resolve(key).toString());
  }

  @Override
  public boolean isLive(FileDaemonConfig config, BaculaVersion version) {
    try {
      return Files.isRegularFile(CONFIG)
          && Files.readString(CONFIG).equals(BaculaRenderer.render(config, version));
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public int runningJobs(String address, int port, String monitorName, String password) {
    if (!listens(address, port)) {
      return 0;
    }
    try {
      return new FileDaemonStatusClient(
              address, port, monitorName, password, Duration.ofSeconds(10))
          .runningJobs();
    } catch (ConsoleException e) {
      // A daemon that cannot say runs nothing the charm can keep alive by waiting.
      return 0;
    }
  }

  @Override
  public void removeUnusedKeyFiles(FileDaemonConfig live) {
    String rendered = BaculaRenderer.render(live);
    try {
      for (Path dir : List.of(TLS_DIR, PKI_DIR)) {
        Set<String> named = new HashSet<>();
        if (Files.isDirectory(dir)) {
          try (var files = Files.list(dir)) {
            files
                .filter(f -> rendered.contains(f.toString()))
                .forEach(f -> named.add(f.getFileName().toString()));
          }
        }
        removeFilesExcept(dir, named);
      }
    } catch (IOException e) {
      LOG.warn("could not delete the key files bacula-fd.conf no longer names: {}", e.getMessage());
    }
  }

  /**
   * bacula-server restores a request for a world-writable directory (such as /tmp/restore) into a
   * fresh directory under this one instead; root only, so nobody can plant a link on the way.
   */
  private static void privateRestores() {
    Path dir = STATE_DIR.resolve("restores");
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new BaculaException("cannot prepare " + dir + " for restores: " + e.getMessage(), e);
    }
  }

  @Override
  public String noopScriptPath() {
    return NOOP.toString();
  }

  @Override
  public void installNoopScript() {
    byte[] script =
        "#!/bin/sh\n# No script was given for this stage of the backup or restore.\nexit 0\n"
            .getBytes(StandardCharsets.US_ASCII);
    try {
      Files.createDirectories(STATE_DIR);
      if (!Files.exists(NOOP)
          || !Arrays.equals(Files.readAllBytes(NOOP), script)
          || !PosixFilePermissions.toString(Files.getPosixFilePermissions(NOOP))
              .equals("rwx------")) {
        Path tmp = Files.createTempFile(STATE_DIR, "noop", ".tmp");
        Files.write(tmp, script);
        // Run as root by the File Daemon: only root may change or run it.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        Files.move(tmp, NOOP, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the no-op script " + NOOP + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String monitorPassword() {
    try {
      if (Files.exists(MONITOR_PASSWORD)) {
        return Files.readString(MONITOR_PASSWORD).strip();
      }
      Files.createDirectories(STATE_DIR);
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path tmp =
          Files.createTempFile(
              STATE_DIR,
              "monitor",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, password);
      Files.move(tmp, MONITOR_PASSWORD, StandardCopyOption.ATOMIC_MOVE);
      return password;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot keep the monitor password in " + MONITOR_PASSWORD + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean apply(FileDaemonConfig config, BaculaVersion version) {
    return new ConfigApplier(new ConfigValidator(), version)
            .applyFileDaemon(config, CONFIG, ServiceControl.systemctl())
        == ApplyResult.REPLACED;
  }

  @Override
  public void ensureRunning(String address, int port) {
    privateRestores();
    if (!listens(address, port)) {
      SYSTEMD.restart(Daemon.FILE.unit());
    }
    Instant deadline = Instant.now().plus(LISTEN_TIMEOUT);
    while (!listens(address, port)) {
      if (Instant.now().isAfter(deadline)) {
        throw new BaculaException(
            "the File Daemon does not listen on "
                + address
                + ":"
                + port
                + " "
                + LISTEN_TIMEOUT.toSeconds()
                + " s after it was started; see journalctl -u bacula-fd "
                + "and check that no other process holds the port (config option port)");
      }
      sleep(50);
    }
  }

  @Override
  public void pause(Duration d) {
    GrantedSecret.sleep(d);
  }

  @Override
  public void stop() {
    SYSTEMD.stop(Daemon.FILE.unit());
  }

  @Override
  public List<TerminatedJob> terminatedJobs(
      String address, int port, String monitorName, String password) throws IOException {
    try {
      return new FileDaemonStatusClient(
              address, port, monitorName, password, Duration.ofSeconds(10))
          .terminatedJobs();
    } catch (ConsoleException e) {
      // The charm treats an unanswered status query as "last backup unknown", not as a failed hook.
      throw new IOException(e.getMessage(), e);
    }
  }

  private static boolean listens(String address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BaculaException("interrupted while waiting for the File Daemon", e);
    }
  }
}
