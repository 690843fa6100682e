package io.backupcharms.fd.plan;

import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.schema.UnitPasswords;
import java.util.Map;
import java.util.Optional;

/**
 * The data-encryption keys bacula-server put into this unit's own secret: its client's key pair and
 * the master certificate, and, while a restore of another client's backups onto this unit waits for
 * it, that other key pair, which then replaces the unit's own (Bacula's File Daemon decrypts only
 * with its one {@code PKI Keypair}).
 *
 * @param own the unit's key pair; null when the server sent none (encryption off)
 * @param masterCertificate the master key's certificate
 * @param recovery the key pair for a pending restore, or null
 * @param recoveryOwner whose backups {@code recovery} decrypts (a unit, or "master")
 */
record PkiKeys(
    KeyAndCertificate own,
    String masterCertificate,
    KeyAndCertificate recovery,
    String recoveryOwner) {
  /** No encryption. */
  static final PkiKeys NONE = new PkiKeys(null, null, null, null);

  /** The keys in the content of the unit's own secret; {@link #NONE} when it holds none. */
  static PkiKeys of(Map<String, String> secret) {
    String key = secret.get(UnitPasswords.SECRET_PKI_KEY);
    String certificate = secret.get(UnitPasswords.SECRET_PKI_CERTIFICATE);
    String master = secret.get(UnitPasswords.SECRET_PKI_MASTER);
    if (key == null || certificate == null || master == null) {
      return NONE;
    }
    String recoveryKey = secret.get(UnitPasswords.SECRET_PKI_RECOVERY_KEY);
    String recoveryCertificate = secret.get(UnitPasswords.SECRET_PKI_RECOVERY_CERTIFICATE);
    KeyAndCertificate recovery =
        recoveryKey != null && recoveryCertificate != null
            ? new KeyAndCertificate(recoveryKey, recoveryCertificate)
            : null;
    return new PkiKeys(
        new KeyAndCertificate(key, certificate),
        master,
        recovery,
        recovery == null
            ? null
            : secret.getOrDefault(UnitPasswords.SECRET_PKI_RECOVERY_FOR, "another client"));
  }

  /**
   * The key pair bacula-fd.conf names: the recovery key while there is one, else the unit's own.
   */
  Optional<KeyAndCertificate> inUse() {
    return Optional.ofNullable(recovery != null ? recovery : own);
  }

  /** Whose backups the unit holds the key to restore, while a restore waits for it. */
  Optional<String> recoveryFor() {
    return Optional.ofNullable(recoveryOwner);
  }

  @Override
  public String toString() {
    return "PkiKeys[" + inUse().map(KeyAndCertificate::fingerprint).orElse("none") + "]";
  }
}
