package io.backupcharms.server.encryption;

import io.backupcharms.bacula.tls.EncryptionKeys;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.hooktools.SecretNotFoundError;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Secret;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data-encryption keys, each an application-owned secret of bacula-server, readable by no other
 * application: one key pair per client (Bacula Client name), and the deployment's master key pair,
 * which every backup is encrypted for too. A client's key outlives its unit, so that a lost
 * client's data restores onto its replacement; the master key outlives the server only in the
 * operator's hands ({@code get-master-key}, {@code import-master-key}).
 */
public final class DataKeys {
  /** Label of the master key's secret. */
  public static final String MASTER = "bacula-master-key";

  private static final String KEY = "key";
  private static final String CERTIFICATE = "certificate";

  /** When the key was made or imported (epoch seconds): no backup before it used it. */
  private static final String CREATED = "created";

  /** When the operator last took the master key out (epoch seconds); absent: never. */
  private static final String EXPORTED = "exported";

  private final Model model;

  public DataKeys(Model model) {
    this.model = model;
  }

  /** A key pair and when this server started encrypting with it. */
  public record DataKey(KeyAndCertificate pair, Instant created) {}

  /** Whether the {@code encryption} option asks for encrypted backups. */
  public static boolean wanted(Map<String, ?> config) {
    return Boolean.TRUE.equals(config.get("encryption"));
  }

  /** The label of a client's key: {@code data-key-<Client resource name>}. */
  public static String clientLabel(String clientResource) {
    return "data-key-" + clientResource;
  }

  /** The master key pair, if one was made or imported. */
  public Optional<DataKey> master() {
    return read(MASTER);
  }

  /** The master key pair, made by the leader when there is none. */
  public DataKey masterOrCreate() {
    return master()
        .orElseGet(
            () ->
                create(
                    MASTER,
                    "bacula-server " + model.name() + " master key",
                    "Master key of the Bacula backups: decrypts every encrypted backup (take it out"
                        + " with get-master-key)"));
  }

  /** A client's key pair, if the server made one. */
  public Optional<DataKey> client(String clientResource) {
    return read(clientLabel(clientResource));
  }

  /** A client's key pair, made by the leader when there is none. */
  public DataKey clientOrCreate(String clientResource) {
    return client(clientResource)
        .orElseGet(
            () ->
                create(
                    clientLabel(clientResource),
                    "data key " + clientResource,
                    "Data encryption key of the Bacula client " + clientResource));
  }

  /**
   * Makes {@code pair} the master key, on a server that has none (a rebuilt one, before it encrypts
   * anything).
   *
   * @throws IllegalStateException when a master key exists already
   */
  public DataKey importMaster(KeyAndCertificate pair, Instant created) {
    Optional<DataKey> existing = master();
    if (existing.isPresent()) {
      throw new IllegalStateException(
          existing.get().pair().fingerprint().equals(pair.fingerprint())
              ? "this master key (fingerprint " + pair.fingerprint() + ") is imported already"
              : "this server has a master key already (fingerprint "
                  + existing.get().pair().fingerprint()
                  + "), and backups may be encrypted for it; import a master key only into a server"
                  + " deployed with encryption=false, before you turn encryption on");
    }
    Map<String, String> content = content(pair, created);
    content.put(EXPORTED, content.get(CREATED));
    add(MASTER, content, "Master key of the Bacula backups: decrypts every encrypted backup");
    return new DataKey(pair, created);
  }

  /** When the master key was last taken out with {@code get-master-key}; empty: never. */
  public Optional<Instant> masterExported() {
    return contentOf(MASTER)
        .map(c -> c.get(EXPORTED))
        .map(s -> Instant.ofEpochSecond(Long.parseLong(s)));
  }

  /** Records that the operator took the master key out now. */
  public void markMasterExported(Instant now) {
    Secret secret = model.secretByLabel(MASTER);
    Map<String, String> content = new HashMap<>(secret.getContent());
    content.put(EXPORTED, Long.toString(now.getEpochSecond()));
    secret.setContent(content);
  }

  private DataKey create(String label, String commonName, String description) {
    if (!model.unit().isLeader()) {
      throw new IllegalStateException("only the leader makes data keys; run this on the leader");
    }
    KeyAndCertificate pair = EncryptionKeys.generate(commonName);
    Instant now = Instant.now();
    add(label, content(pair, now), description);
    return new DataKey(pair, now);
  }

  private void add(String label, Map<String, String> content, String description) {
    try {
      model.app().addSecret(content, label, description);
    } catch (ModelError e) {
      throw new ModelError("cannot create the secret \"" + label + "\": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> content(KeyAndCertificate pair, Instant created) {
    Map<String, String> content = new HashMap<>();
    content.put(KEY, pair.key());
    content.put(CERTIFICATE, pair.certificate());
    content.put(CREATED, Long.toString(created.getEpochSecond()));
    return content;
  }

  private Optional<DataKey> read(String label) {
    return contentOf(label)
        .filter(c -> c.get(KEY) != null && c.get(CERTIFICATE) != null)
        .map(
            c ->
                new DataKey(
                    new KeyAndCertificate(c.get(KEY), c.get(CERTIFICATE)),
                    Instant.ofEpochSecond(Long.parseLong(c.getOrDefault(CREATED, "0")))));
  }

  private Optional<Map<String, String>> contentOf(String label) {
    try {
      return Optional.of(model.secretByLabel(label).getContent());
    } catch (SecretNotFoundError e) {
      return Optional.empty();
    }
  }
}
