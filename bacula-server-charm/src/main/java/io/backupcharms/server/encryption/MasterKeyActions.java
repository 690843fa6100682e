package io.backupcharms.server.encryption;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.bacula.tls.KeypairFile;
import io.backupcharms.ops.model.Model;
import io.backupcharms.server.actions.ActionFailedException;
import io.backupcharms.server.actions.InvalidParamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code get-master-key} and {@code import-master-key}: the master key's way out of the model, into
 * the operator's custody, and back into a rebuilt server. The master key decrypts every encrypted
 * backup, so it leaves once, and a second export needs {@code force=true}.
 */
public final class MasterKeyActions {
  private final Model model;

  public MasterKeyActions(Model model) {
    this.model = model;
  }

  /** {@code get-master-key}: the key pair file, its fingerprint and what to do with it. */
  public Map<String, Object> export(Map<String, ?> params) {
    boolean force = Boolean.TRUE.equals(params.get("force"));
    DataKeys keys = new DataKeys(model);
    DataKeys.DataKey master =
        keys.master()
            .orElseThrow(
                () ->
                    new ActionFailedException(
                        "there is no master key: nothing is encrypted; set encryption=true first",
                        Map.of()));
    var exported = keys.masterExported();
    if (exported.isPresent() && !force) {
      throw new ActionFailedException(
          "the master key (fingerprint "
              + master.pair().fingerprint()
              + ") was taken out already on "
              + exported.get()
              + "; it decrypts every backup, so it is"
              + " shown once. If that copy is lost, run get-master-key force=true",
          Map.of());
    }
    keys.markMasterExported(Instant.now());
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("fingerprint", master.pair().fingerprint());
    results.put("master-key", master.pair().keypairFile());
    results.put(
        "keep",
        "store master-key offline, outside this model (a password manager or a safe);"
            + " a rebuilt server needs it to read today's backups: import-master-key");
    return results;
  }

  /**
   * {@code import-master-key path=...}: reads the key pair file the old server gave, on this
   * machine, makes it this server's master key, and deletes the file.
   */
  public Map<String, Object> importFrom(Map<String, ?> params) {
    Object raw = params.get("path");
    if (!(raw instanceof String path) || !path.startsWith("/")) {
      throw new InvalidParamsException(
          List.of(
              "path must be the absolute path, on this unit's machine,"
                  + " of the file get-master-key gave (copy it there with juju scp)"));
    }
    Path file = Path.of(path);
    String pem;
    try {
      pem = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidParamsException(
          List.of(
              "path "
                  + path
                  + " does not exist on this unit's machine;"
                  + " copy the master key file there first: juju scp master-key.pem "
                  + model.unit().name()
                  + ":"
                  + path));
    } catch (IOException e) {
      throw new InvalidParamsException(List.of("cannot read " + path + ": " + e.getMessage()));
    }
    KeyAndCertificate pair;
    try {
      pair = KeypairFile.parse(pem);
    } catch (BaculaException e) {
      throw new InvalidParamsException(
          List.of(path + " is not a master key file from get-master-key: " + e.getMessage()));
    }
    try {
      new DataKeys(model).importMaster(pair, Instant.EPOCH);
    } catch (IllegalStateException e) {
      throw new ActionFailedException(e.getMessage(), Map.of());
    }
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("fingerprint", pair.fingerprint());
    try {
      Files.delete(file);
      results.put("file", "deleted " + path);
    } catch (IOException e) {
      results.put(
          "file", "could not delete " + path + " (" + e.getMessage() + "); delete it yourself");
    }
    return results;
  }
}
