package io.backupcharms.fd;

import io.backupcharms.bacula.apply.InstalledVersion;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.Pki;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The File Daemon on this machine, with no Juju concepts: what {@link BaculaFdCharm} changes on the
 * machine. Tests substitute a recording fake; production uses {@link MachineFileDaemonHost}.
 */
interface FileDaemonHost {
  /** Whether the File Daemon package is installed. */
  boolean isInstalled();

  /** Installs the File Daemon package (apt). */
  void install();

  /**
   * The installed File Daemon's Bacula version: {@code known} while its binary is unchanged, else
   * what {@code bacula-fd -?} says.
   *
   * @throws io.backupcharms.bacula.BaculaException when the binary is missing or prints no version
   */
  InstalledVersion version(Optional<InstalledVersion> known);

  /**
   * Claims this machine's one File Daemon for {@code unit}: a machine has one {@code
   * bacula-fd.conf} and one systemd service, so a second bacula-fd unit on it (the subordinate of
   * another principal) must leave them alone.
   *
   * @return the other unit that owns it, or empty when {@code unit} owns it now
   */
  Optional<String> claim(String unit);

  /** Gives the machine's File Daemon up when {@code unit} owns it (the unit is being removed). */
  void release(String unit);

  /** The absolute path of the no-op client script, which {@link #installNoopScript} writes. */
  String noopScriptPath();

  /** Writes the no-op client script unless it is in place already. */
  void installNoopScript();

  /** The monitor entry's password, generated on first use and kept on this machine only. */
  String monitorPassword();

  /**
   * Validates and installs the configuration, rendered for {@code version}, restarting the File
   * Daemon only if it changed.
   *
   * @return whether the file changed
   * @throws io.backupcharms.bacula.BaculaException when the daemon rejects it or the restart fails
   */
  boolean apply(FileDaemonConfig config, BaculaVersion version);

  /**
   * Whether {@code config}, rendered for {@code version}, is the installed bacula-fd.conf already
   * (applying it changes nothing).
   */
  boolean isLive(FileDaemonConfig config, BaculaVersion version);

  /**
   * How many jobs the File Daemon runs now, asked through the monitor entry; 0 when it does not run
   * or cannot answer (then no job is lost by restarting it).
   */
  int runningJobs(String address, int port, String monitorName, String password);

  /**
   * Deletes the TLS and key files {@code live} (the applied configuration) does not name: the
   * previous certificate after a renewal, a recovery key after its restore.
   */
  void removeUnusedKeyFiles(FileDaemonConfig live);

  /** Starts the File Daemon unless it runs; waits until it listens. */
  void ensureRunning(String address, int port);

  /** Stops the File Daemon if it runs (no Director left to serve). */
  void stop();

  /** Waits {@code d} on the machine's clock, as between two reads of a secret not granted yet. */
  void pause(Duration d);

  /**
   * The jobs the running File Daemon lists as finished.
   *
   * @throws IOException when it cannot be asked
   */
  List<TerminatedJob> terminatedJobs(String address, int port, String monitorName, String password)
      throws IOException;

  /**
   * Writes the File Daemon's TLS files (the authority's certificate, the unit's key and
   * certificate), readable by root only, changing nothing when they hold these already.
   *
   * @return the files as bacula-fd.conf names them
   */
  Tls installTls(String authority, KeyAndCertificate own);

  /**
   * Writes the File Daemon's data-encryption keys, readable by root only: the key pair it encrypts
   * and decrypts with, and the master certificate every backup is encrypted for too. Key files no
   * longer named are deleted.
   *
   * @return the files as bacula-fd.conf names them; the names change with the keys
   */
  Pki installPki(KeyAndCertificate keypair, String masterCertificate);
}
