package io.backupcharms.fd.plan;

import io.backupcharms.bacula.config.DirectorAccess;
import io.backupcharms.bacula.config.FileDaemon;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.Messages;
import io.backupcharms.bacula.config.Pki;
import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.Status;
import io.backupcharms.schema.UnitPasswords;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The File Daemon this unit runs once everything is known: whom it serves, with which password,
 * certificate and keys, and what the unit tells the Director once the daemon holds them.
 *
 * @param name the File Daemon's name, as published on {@code bacula-dir}
 * @param address the address it listens on, the unit's ingress address on {@code bacula-dir}
 * @param port its TCP port
 * @param directorName the Director it serves
 * @param directorPassword the password that Director connects with
 * @param tls the TLS material, once the server made a certificate for {@code address}
 * @param pki the data-encryption keys, while the server has encryption on
 * @param recoveryFor whose backups the key in use decrypts, while a restore waits for it
 * @param schedule the schedule published for the Director, for the last backup's age
 * @param leftOut why bacula-server leaves this File Daemon out, if it does
 * @param handshake what the unit says on {@code bacula-dir} once the daemon runs this setup, by key
 *     of {@link #HANDSHAKE_KEYS}; an empty value means absent
 */
public record DaemonSetup(
    String name,
    String address,
    int port,
    String directorName,
    String directorPassword,
    Optional<TlsMaterial> tls,
    Optional<PkiMaterial> pki,
    Optional<String> recoveryFor,
    Optional<String> schedule,
    Optional<String> leftOut,
    Map<String, String> handshake) {
  /** The status-only Director entry the charm itself uses to read the File Daemon's job list. */
  public static final String MONITOR_NAME = "bacula-fd-charm-monitor";

  /** The {@code bacula-dir} unit-bag keys the handshake owns. */
  public static final List<String> HANDSHAKE_KEYS =
      List.of(
          UnitPasswords.SCOPE_KEY,
          UnitPasswords.TLS_KEY,
          UnitPasswords.TLS_TRUST_KEY,
          UnitPasswords.APPLIED_KEY,
          UnitPasswords.PKI_KEY);

  public DaemonSetup {
    handshake = Map.copyOf(handshake);
  }

  /**
   * The TLS files' contents.
   *
   * @param authority the certificate of the authority both daemons trust
   * @param own this File Daemon's key and certificate
   */
  public record TlsMaterial(String authority, KeyAndCertificate own) {}

  /**
   * The data-encryption keys' contents.
   *
   * @param keypair the key pair the File Daemon encrypts and decrypts with
   * @param masterCertificate the master certificate every backup is encrypted for too
   */
  public record PkiMaterial(KeyAndCertificate keypair, String masterCertificate) {}

  /**
   * The bacula-fd.conf to install, once the host has written the TLS and key files.
   *
   * @param tlsFiles the TLS files as the host wrote them, or null without {@link #tls}
   * @param pkiFiles the key files as the host wrote them, or null without {@link #pki}
   * @param monitorPassword the monitor entry's password, kept on the machine
   * @throws io.backupcharms.bacula.BaculaException when Bacula's rules refuse a value
   */
  public FileDaemonConfig config(Tls tlsFiles, Pki pkiFiles, String monitorPassword) {
    return new FileDaemonConfig(
        FileDaemon.of(name, address, port).withTls(tlsFiles).withPki(pkiFiles),
        List.of(
            DirectorAccess.of(directorName, directorPassword).withTls(tlsFiles),
            new DirectorAccess(MONITOR_NAME, monitorPassword, true, null)),
        Messages.toDirector("Standard", directorName));
  }

  /**
   * What the unit reports while serving: {@code lastBackup}, after the restore whose key it holds,
   * unless the server leaves this File Daemon out, which the machine's owner must see instead.
   */
  public Status whileServing(Status lastBackup) {
    if (leftOut.isPresent()) {
      return new BlockedStatus(
          "bacula-server leaves this File Daemon out, so nothing backs it up: " + leftOut.get());
    }
    return recoveryFor
        .map(
            owner ->
                // Until the restore ends, this File Daemon decrypts with another key, and encrypts
                // for it.
                Status.of(
                    lastBackup.name(),
                    "holds the key to restore "
                        + owner
                        + " for a restore bacula-server started; "
                        + lastBackup.message()))
        .orElse(lastBackup);
  }
}
