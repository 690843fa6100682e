package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.server.offsite.S3Proxy;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Encryption at rest survives the loss of the server: every key bacula-server made dies with its
 * application, except the master key the operator took out with get-master-key. A new server
 * imports it, recovers the catalog from the bucket, and restores the old encrypted backup, as the
 * how-to guides say ({@code encrypt-backups}, {@code recover-lost-server}).
 */
@ExtendWith(ModelExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LostEncryptedServerTest {
  private static final String APP = "vault";
  private static final String UNIT = APP + "/0";
  private static final String S3 = "s3-integrator";
  private static final String BUCKET = "backups";
  private static final String PATH = "bacula/encrypted";
  private static final String KEY_FILE = "/root/master-key.pem";
  private static S3Proxy s3;
  private static String masterKey;
  private static String fingerprint;
  private static String lastBackup;

  @BeforeAll
  static void deploy(JujuModel model) throws Exception {
    s3 = S3Proxy.start(Files.createTempDirectory("lost-encrypted-s3"), BUCKET);
    model.deploy(Charms.s3Provider(), S3, 1, s3.relationData(BUCKET, PATH));
    model.deploy(Charms.baculaServer(), BackupStack.SERVER, 1, Map.of("encryption", "true"));
    model.integrate(BackupStack.SERVER + ":s3", S3 + ":s3-credentials");
    BackupStack.deployTarget(model, APP, 1);
    model.waitForActive(BackupStack.SETTLE, S3, BackupStack.SERVER, APP, BackupStack.fd(APP));
    model.waitFor(
        "the File Daemon encrypts",
        BackupStack.SETTLE,
        s ->
            model
                .exec(UNIT, "grep -q 'PKI Encryption = yes' /etc/bacula/bacula-fd.conf")
                .isSuccess());
  }

  @AfterAll
  static void stopS3() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void theOperatorKeepsTheMasterKeyAndTheEncryptedBackupGoesOffTheMachine(JujuModel model) {
    ActionResult key = BackupStack.server(model, "get-master-key", Map.of());
    assertTrue(key.isCompleted(), key::toString);
    masterKey = key.result("master-key");
    fingerprint = key.result("fingerprint");
    DemoData.change(model, UNIT, "before-the-loss");
    ActionResult full = BackupStack.backup(model, UNIT, "Full");
    assertTrue(
        full.isCompleted() && full.result("off-machine").startsWith("yes"),
        () -> "Full, copied: " + full);
    lastBackup = DemoData.snapshot(model, UNIT);
  }

  @Test
  @Order(2)
  void aRebuiltServerWithTheImportedMasterKeyRestoresTheOldEncryptedBackup(JujuModel model) {
    model.removeApplication(BackupStack.SERVER);
    model.waitFor(
        "the server and its machine are gone",
        BackupStack.SETTLE,
        s -> s.unitsOf(BackupStack.SERVER).isEmpty());
    model.deploy(Charms.baculaServer(), BackupStack.SERVER, 1, Map.of());
    model.waitFor(
        "the new server is up",
        BackupStack.SETTLE,
        s ->
            !s.unitsOf(BackupStack.SERVER).isEmpty()
                && s.first(BackupStack.SERVER).agent().equals("idle"));
    // juju scp master-key.pem bacula-server/0:/root/master-key.pem, as the guide says.
    model.sh(
        BackupStack.SERVER + "/leader",
        "umask 077; cat > " + KEY_FILE + " <<'EOF'\n" + masterKey + "\nEOF");
    ActionResult imported =
        BackupStack.server(model, "import-master-key", Map.of("path", KEY_FILE));
    assertTrue(imported.isCompleted(), imported::toString);
    assertEquals(
        fingerprint, imported.result("fingerprint"), "the same key as get-master-key gave");
    assertFalse(
        model.exec(BackupStack.SERVER + "/leader", "test -e " + KEY_FILE).isSuccess(),
        "the file is deleted");
    model.config(BackupStack.SERVER, Map.of("encryption", "true"));
    model.integrate(BackupStack.SERVER + ":s3", S3 + ":s3-credentials");
    model.integrate(BackupStack.fd(APP) + ":bacula-dir", BackupStack.SERVER + ":bacula-dir");
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER, BackupStack.fd(APP));
    ActionResult recovered = BackupStack.server(model, "recover-catalog", Map.of());
    assertTrue(recovered.isCompleted(), recovered::toString);

    DemoData.destroy(model, UNIT);
    ActionResult pending = BackupStack.restore(model, UNIT);
    assertFalse(pending.isCompleted(), pending::toString);
    assertEquals(
        "true",
        pending.result("key-pending"),
        () -> "the unit needs the master key first: " + pending.raw());
    assertTrue(pending.message().contains("the master key"), pending::toString);
    model.waitFor(
        "the File Daemon holds the master key",
        BackupStack.SETTLE,
        s ->
            s.first(BackupStack.fd(APP)).message().contains("holds the key to restore")
                && s.units().stream().allMatch(u -> u.agent().equals("idle")));
    ActionResult restored = BackupStack.restore(model, UNIT);
    assertTrue(restored.isCompleted(), () -> "restore with the imported master key: " + restored);
    assertEquals(
        lastBackup,
        DemoData.snapshot(model, UNIT),
        "the encrypted backup from before the loss is back");

    ActionResult after = BackupStack.backup(model, UNIT, "Incremental");
    assertTrue(
        after.isCompleted(), () -> "the rebuilt server backs up, encrypting again: " + after);
  }
}
