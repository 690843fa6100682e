package io.backupcharms.server.encryption;

import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.model.Secret;
import io.backupcharms.schema.UnitPasswords;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The data keys inside one File Daemon unit's own secret (granted to that unit alone): its client's
 * key pair and the master certificate always, and another key pair only while a restore of data
 * encrypted for that key waits for the unit to load it. Each write changes only these keys and only
 * when they differ, so an unchanged secret gets no new revision.
 */
public final class UnitKeys {
  private static final String KEY = UnitPasswords.SECRET_PKI_KEY;
  private static final String CERTIFICATE = UnitPasswords.SECRET_PKI_CERTIFICATE;
  private static final String MASTER = UnitPasswords.SECRET_PKI_MASTER;
  private static final String RECOVERY_KEY = UnitPasswords.SECRET_PKI_RECOVERY_KEY;
  private static final String RECOVERY_CERTIFICATE = UnitPasswords.SECRET_PKI_RECOVERY_CERTIFICATE;
  private static final String RECOVERY_FOR = UnitPasswords.SECRET_PKI_RECOVERY_FOR;

  private UnitKeys() {}

  /** Puts the client's key pair and the master certificate into the unit's secret. */
  public static boolean issue(Secret unitSecret, KeyAndCertificate own, String masterCertificate) {
    return update(
        unitSecret,
        Map.of(KEY, own.key(), CERTIFICATE, own.certificate(), MASTER, masterCertificate));
  }

  /**
   * Hands the unit {@code pair} to decrypt the backups of {@code owner} (a unit name, or {@code
   * master}) with, until {@link #withdrawRecovery}.
   */
  public static boolean offerRecovery(Secret unitSecret, KeyAndCertificate pair, String owner) {
    return update(
        unitSecret,
        Map.of(
            RECOVERY_KEY,
            pair.key(),
            RECOVERY_CERTIFICATE,
            pair.certificate(),
            RECOVERY_FOR,
            owner));
  }

  /** Takes a recovery key back: the unit returns to its own key pair. */
  public static boolean withdrawRecovery(Secret unitSecret) {
    Map<String, String> content = unitSecret.getContent();
    if (!content.containsKey(RECOVERY_KEY)
        && !content.containsKey(RECOVERY_CERTIFICATE)
        && !content.containsKey(RECOVERY_FOR)) {
      return false;
    }
    Map<String, String> next = new HashMap<>(content);
    next.remove(RECOVERY_KEY);
    next.remove(RECOVERY_CERTIFICATE);
    next.remove(RECOVERY_FOR);
    unitSecret.setContent(next);
    return true;
  }

  private static boolean update(Secret unitSecret, Map<String, String> wanted) {
    Map<String, String> content = unitSecret.getContent();
    if (wanted.entrySet().stream()
        .allMatch(e -> Objects.equals(content.get(e.getKey()), e.getValue()))) {
      return false;
    }
    Map<String, String> next = new HashMap<>(content);
    next.putAll(wanted);
    unitSecret.setContent(next);
    return true;
  }
}
