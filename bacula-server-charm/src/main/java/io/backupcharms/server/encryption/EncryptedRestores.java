package io.backupcharms.server.encryption;

import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Secret;
import io.backupcharms.schema.UnitPasswords;
import io.backupcharms.server.actions.RestoreKeys;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.secrets.PasswordSecrets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RestoreKeys} from the server's data keys. The key a chain of backups needs is its
 * client's, when the server made that key before the chain's first job; otherwise (backups of a
 * server rebuilt since, whose client keys were lost with it) the master key. A target whose unit
 * bag names another key gets this one in its own secret, and the restore waits for it.
 */
public final class EncryptedRestores implements RestoreKeys {
  private static final Logger LOG = LoggerFactory.getLogger(EncryptedRestores.class);
  private final Model model;
  private final String endpoint;

  /**
   * @param endpoint the {@code bacula-dir} endpoint the File Daemons are related on
   */
  public EncryptedRestores(Model model, String endpoint) {
    this.model = model;
    this.endpoint = endpoint;
  }

  @Override
  public Optional<String> prepare(KnownClient client, ClientSpec target, Instant firstJobStart) {
    DataKeys keys = new DataKeys(model);
    Optional<DataKeys.DataKey> master = keys.master();
    if (master.isEmpty()) {
      return Optional.empty();
    }
    Relation relation = model.relation(endpoint, target.relationId());
    Map<String, String> bag = relation.remoteUnitData(model.unitNamed(target.unit())).asMap();
    Optional<Secret> own = new PasswordSecrets(model).unitSecret(relation, target.unit());
    if (own.isEmpty() || !UnitPasswords.usesUnitPassword(bag)) {
      // A File Daemon of another charm takes no key from this server; plaintext backups restore
      // there, and encrypted ones fail with the File Daemon's reason.
      return Optional.empty();
    }
    Optional<DataKeys.DataKey> clientKey =
        keys.client(client.clientResource()).filter(k -> !k.created().isAfter(firstJobStart));
    KeyAndCertificate needed = clientKey.map(DataKeys.DataKey::pair).orElse(master.get().pair());
    String owner = clientKey.isPresent() ? client.unit() : "master";
    if (needed.fingerprint().equals(bag.get(UnitPasswords.PKI_KEY))) {
      return Optional.empty();
    }
    UnitKeys.offerRecovery(own.get(), needed, owner);
    String whose = clientKey.isPresent() ? "the key of " + client.unit() : "the master key";
    return Optional.of(
        "these backups of "
            + client.unit()
            + " are encrypted for "
            + whose
            + ", which "
            + target.unit()
            + " does not hold yet; bacula-server has handed it the key now. Run this"
            + " restore again once "
            + target.unit()
            + "'s status says it holds the key to restore "
            + owner
            + " (within a minute); it goes back to its own key when the restore ends");
  }

  @Override
  public void finished(ClientSpec target) {
    if (new DataKeys(model).master().isEmpty()) {
      return;
    }
    try {
      Relation relation = model.relation(endpoint, target.relationId());
      new PasswordSecrets(model)
          .unitSecret(relation, target.unit())
          .ifPresent(UnitKeys::withdrawRecovery);
    } catch (RuntimeException e) {
      // The target left during the restore: its secret goes with it at the next hook.
      LOG.warn("could not take the recovery key back from {}: {}", target.unit(), e.getMessage());
    }
  }
}
