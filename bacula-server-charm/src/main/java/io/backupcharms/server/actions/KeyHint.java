package io.backupcharms.server.actions;

import java.util.List;
import java.util.Locale;

/** What to do when a File Daemon could not decrypt what it restored. */
final class KeyHint {
  /**
   * Bacula's File Daemon logs "Missing private key required to decrypt encrypted backup data" (or
   * another decryption error) when its PKI Keypair is not one the data was encrypted for.
   */
  private static final String DECRYPT = "decrypt";

  private KeyHint() {}

  /** A sentence to append to a failed restore's reason, or "" when no key was missing. */
  static String of(List<String> jobLog, String target) {
    if (jobLog.stream().noneMatch(l -> l.toLowerCase(Locale.ROOT).contains(DECRYPT))) {
      return "";
    }
    return ". The File Daemon of "
        + target
        + " holds no key these backups were encrypted for, so"
        + " it could not decrypt them and wrote no file of them. On a server rebuilt after a loss,"
        + " import the old server's master key (saved with get-master-key) with import-master-key,"
        + " then run the restore again; see docs/how-to/encrypt-backups.md";
  }
}
