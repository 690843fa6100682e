package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Encryption at rest, on real Bacula: with {@code encryption=true} every File Daemon encrypts on
 * its machine, so the server's volumes hold no plaintext of the files. Each client's own key
 * restores its data; a replacement unit first gets the lost client's key from the server (two runs
 * of the restore); a File Daemon holding a wrong key fails the restore clearly and writes nothing;
 * the master key leaves the model once; and rotate-passwords then gives every File Daemon a new
 * password with no backup lost. The tests share one model and run in order.
 */
@ExtendWith(ModelExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncryptedBackupsTest {
  private static final String APP = "myapp";
  private static final String MARKER = "PLAINTEXT-MARKER-7f3a91";
  private static final String FILE = "/srv/demo/files/confidential.txt";
  private static final String CONTENT = (MARKER + " account 0042\n").repeat(200);
  private static String fullId;

  @BeforeAll
  static void deployEncrypted(JujuModel model) {
    model.deploy(Charms.baculaServer(), BackupStack.SERVER, 1, Map.of("encryption", "true"));
    BackupStack.deployTarget(model, APP, 2);
    model.waitForActive(
        BackupStack.SETTLE,
        APP,
        BackupStack.fd(APP),
        BackupStack.integrator(APP),
        BackupStack.SERVER);
    model.waitFor(
        "both File Daemons encrypting",
        BackupStack.SETTLE,
        s ->
            encrypting(model, APP + "/0")
                && encrypting(model, APP + "/1")
                && s.units().stream().allMatch(u -> u.agent().equals("idle")));
    model.sh(APP + "/0", "printf '%s' '" + CONTENT + "' > " + FILE);
  }

  /** The target's File Daemon says it holds myapp/0's key, and every hook has run. */
  private static void waitForTheKey(JujuModel model) {
    model.waitFor(
        "myapp/1's File Daemon holding myapp/0's key",
        BackupStack.SETTLE,
        s ->
            s.subordinateOf(APP + "/1", BackupStack.fd(APP))
                    .map(
                        u ->
                            u.is("active")
                                && u.message().contains("holds the key to restore myapp/0"))
                    .orElse(false)
                && s.units().stream().allMatch(u -> u.agent().equals("idle")));
  }

  private static boolean encrypting(JujuModel model, String unit) {
    return model
        .exec(unit, "grep -q 'PKI Encryption = yes' /etc/bacula/bacula-fd.conf")
        .isSuccess();
  }

  @Test
  @Order(1)
  void theServersVolumesHoldNoPlaintextOfTheBackedUpFiles(JujuModel model) {
    ActionResult full = BackupStack.backup(model, APP + "/0", "Full");
    assertTrue(full.isCompleted(), () -> "Full backup of myapp/0: " + full);
    assertTrue(Long.parseLong(full.result("bytes")) >= CONTENT.length(), full::raw);
    fullId = full.result("job-id");
    String server = BackupStack.SERVER + "/0";
    assertTrue(
        Long.parseLong(model.sh(server, "cat /var/lib/bacula/volumes/* | wc -c").strip())
            > CONTENT.length(),
        "the volumes hold the backup");
    assertEquals(
        "0",
        model
            .sh(server, "cat /var/lib/bacula/volumes/* | grep -a -c " + MARKER + " || true")
            .strip(),
        "no line of the file's content is readable in the volumes");
    assertEquals(
        "600 root",
        model.sh(APP + "/0", "stat -c '%a %U' /etc/bacula/fd-pki/keypair-*.pem").strip(),
        "the client's key is root's alone");
  }

  @Test
  @Order(2)
  void theClientsOwnKeyRestoresItsData(JujuModel model) {
    ActionResult own =
        BackupStack.server(
            model, "restore", Map.of("client", APP + "/0", "where", "/srv/restored-own"));
    assertTrue(own.isCompleted(), () -> "restore onto myapp/0: " + own);
    assertEquals(CONTENT, model.sh(APP + "/0", "cat /srv/restored-own" + FILE));
  }

  @Test
  @Order(3)
  void theMasterKeyLeavesTheModelOnce(JujuModel model) {
    ActionResult first = BackupStack.server(model, "get-master-key", Map.of());
    assertTrue(first.isCompleted(), first::toString);
    assertTrue(first.result("master-key").contains("-----BEGIN PRIVATE KEY-----"), first::raw);
    ActionResult again = BackupStack.server(model, "get-master-key", Map.of());
    assertFalse(again.isCompleted(), again::toString);
    assertTrue(again.message().contains("was taken out already"), again::toString);
  }

  @Test
  @Order(4)
  void aFileDaemonWithTheWrongKeyFailsTheRestoreClearlyAndWritesNothing(JujuModel model) {
    Map<String, String> params =
        Map.of("client", APP + "/0", "target", APP + "/1", "where", "/srv/wrong-key");
    ActionResult pending = BackupStack.server(model, "restore", params);
    assertFalse(pending.isCompleted(), pending::toString);
    assertEquals("true", pending.result("key-pending"), pending::raw);
    assertTrue(pending.message().contains("Run this restore again"), pending::toString);
    waitForTheKey(model);
    // The machine's key file is damaged behind the charm's back: the File Daemon cannot decrypt.
    model.sh(
        APP + "/1",
        "set -e; f=$(ls /etc/bacula/fd-pki/keypair-*.pem); cd /root; openssl req -x509 -newkey"
            + " rsa:2048 -nodes -keyout wrong.key -out wrong.pem -days 1 -subj /CN=wrong"
            + " 2>/dev/null; cat wrong.pem wrong.key > $f; rm wrong.key wrong.pem; systemctl"
            + " restart bacula-fd");
    ActionResult wrong = BackupStack.server(model, "restore", params);
    assertFalse(wrong.isCompleted(), wrong::toString);
    assertTrue(
        wrong.message().contains("holds no key these backups were encrypted for"), wrong::toString);
    assertFalse(
        model.sh(APP + "/1", "cat /srv/wrong-key" + FILE + " 2>/dev/null || true").contains(MARKER),
        "no plaintext lands from a key that does not decrypt");
  }

  @Test
  @Order(5)
  void aReplacementUnitGetsTheLostClientsKeyThenRestoresItsData(JujuModel model) {
    model.waitFor(
        "myapp/1's File Daemon back on its own key",
        BackupStack.SETTLE,
        s ->
            s.subordinateOf(APP + "/1", BackupStack.fd(APP))
                    .map(u -> u.is("active") && !u.message().contains("holds the key"))
                    .orElse(false)
                && s.units().stream().allMatch(u -> u.agent().equals("idle")));
    Map<String, String> params =
        Map.of("client", APP + "/0", "target", APP + "/1", "where", "/srv/from-myapp-0");
    ActionResult pending = BackupStack.server(model, "restore", params);
    assertEquals("true", pending.result("key-pending"), pending::raw);
    waitForTheKey(model);
    ActionResult restored = BackupStack.server(model, "restore", params);
    assertTrue(
        restored.isCompleted(), () -> "restore onto myapp/1 with myapp/0's key: " + restored);
    assertEquals(CONTENT, model.sh(APP + "/1", "cat /srv/from-myapp-0" + FILE));
    model.waitFor(
        "myapp/1's File Daemon gives the key back",
        BackupStack.SETTLE,
        s ->
            s.subordinateOf(APP + "/1", BackupStack.fd(APP))
                .map(u -> u.is("active") && !u.message().contains("holds the key"))
                .orElse(false));
    assertEquals(
        "1",
        model.sh(APP + "/1", "ls /etc/bacula/fd-pki | grep -c keypair-").strip(),
        "only myapp/1's own key stays on its machine");
  }

  /** Security L5: rotation gives each unit a new password, and every backup before it restores. */
  @Test
  @Order(6)
  void rotatedPasswordsLoseNoBackup(JujuModel model) {
    String password =
        "grep -A2 'Name = \"charm-bacula-dir\"' /etc/bacula/bacula-fd.conf | grep Password";
    String before = model.sh(APP + "/0", password).strip();
    ActionResult rotated = BackupStack.server(model, "rotate-passwords", Map.of());
    assertTrue(rotated.isCompleted(), rotated::toString);
    assertEquals("2", rotated.result("rotated"), rotated::raw);
    model.waitFor(
        "both File Daemons on their new password, the Director too",
        BackupStack.SETTLE,
        s ->
            !model.sh(APP + "/0", password).strip().equals(before)
                && !model
                    .sh(BackupStack.SERVER + "/0", "cat /etc/bacula/bacula-dir.conf")
                    .contains(before.split("\"")[1])
                && s.units().stream().allMatch(u -> u.agent().equals("idle") && u.is("active")));
    ActionResult incremental = BackupStack.backup(model, APP + "/0", "Incremental");
    assertTrue(incremental.isCompleted(), () -> "a backup after the rotation: " + incremental);
    ActionResult old =
        BackupStack.server(
            model,
            "restore",
            Map.of("client", APP + "/0", "backup-id", fullId, "where", "/srv/after-rotation"));
    assertTrue(old.isCompleted(), () -> "the Full from before the rotation: " + old);
    assertEquals(CONTENT, model.sh(APP + "/0", "cat /srv/after-rotation" + FILE));
  }
}
