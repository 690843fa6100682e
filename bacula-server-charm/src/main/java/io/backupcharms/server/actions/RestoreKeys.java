package io.backupcharms.server.actions;

import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.KnownClient;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes sure the File Daemon a restore goes to holds the key its backups were encrypted for.
 * Bacula's File Daemon decrypts only with its own {@code PKI Keypair}, so restoring a lost client's
 * backups onto its replacement (or old backups after the server was rebuilt) first hands the target
 * that key, which takes one hook on the target's side.
 */
public interface RestoreKeys {
  /** No encryption: every target can restore. */
  RestoreKeys NONE =
      new RestoreKeys() {
        @Override
        public Optional<String> prepare(
            KnownClient client, ClientSpec target, Instant firstJobStart) {
          return Optional.empty();
        }

        @Override
        public void finished(ClientSpec target) {}
      };

  /**
   * @param firstJobStart when the oldest job of the restored chain started
   * @return empty when {@code target} holds the key now; otherwise what the operator waits for (the
   *     key was handed over), and the restore must not start
   */
  Optional<String> prepare(KnownClient client, ClientSpec target, Instant firstJobStart);

  /** The restore onto {@code target} ended: it goes back to its own key. */
  void finished(ClientSpec target);
}
