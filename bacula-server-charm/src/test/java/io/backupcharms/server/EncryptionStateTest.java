package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.tls.EncryptionKeys;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.testing.ActionOutput;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security, encryption at rest: the keys the server keeps and hands out, and the master key's
 * custody.
 */
class EncryptionStateTest extends ServerStateTest {
  private static final String FD0 = CharmStateTest.FD0;

  private RelationState related() {
    Map<String, String> unit0 = CharmStateTest.fdBag(FD0, "10.1.1.5");
    unit0.put("password-scope", "unit");
    return CharmStateTest.fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", unit0));
  }

  private State encrypted() {
    RelationState rel = related();
    return ctx.run(
        ctx.on().relationChanged(rel, "bacula-fd/0"),
        State.empty().withLeader(true).withConfig(Map.of("encryption", true)).withRelation(rel));
  }

  @Test
  void withEncryptionOffNoKeyIsMadeOrHandedOut() {
    RelationState rel = related();
    State out =
        ctx.run(
            ctx.on().relationChanged(rel, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(rel));
    assertTrue(out.secret("bacula-master-key").isEmpty());
    assertFalse(out.secret("fd-7-bacula-fd-0").orElseThrow().content().containsKey("pki-key"));
  }

  @Test
  void eachAcceptedClientGetsItsOwnKeyPairAndTheMasterCertificateInItsUnitsSecret() {
    State out = encrypted();
    Map<String, String> master = out.secret("bacula-master-key").orElseThrow().content();
    Map<String, String> clientKey = out.secret("data-key-" + FD0).orElseThrow().content();
    Map<String, String> own = out.secret("fd-7-bacula-fd-0").orElseThrow().content();
    assertEquals(
        clientKey.get("key"),
        own.get("pki-key"),
        "the server keeps the client's key beside the unit's copy");
    assertEquals(clientKey.get("certificate"), own.get("pki-certificate"));
    assertEquals(master.get("certificate"), own.get("pki-master-certificate"));
    assertNotEquals(master.get("key"), own.get("pki-key"));
    assertFalse(
        own.containsValue(master.get("key")),
        "no client ever holds the master's private key by default");
    assertEquals(
        Map.of(), out.secret("bacula-master-key").orElseThrow().grants(), "granted to nobody");
  }

  @Test
  void encryptionOnceOnStaysOnAndSaysWhy() {
    State on = encrypted();
    String key = on.secret("fd-7-bacula-fd-0").orElseThrow().content().get("pki-key");
    State off = ctx.run(ctx.on().configChanged(), on.withConfig(Map.of("encryption", false)));
    assertTrue(
        off.unitStatus() instanceof BlockedStatus
            && off.unitStatus().message().startsWith("encryption stays on"),
        off.unitStatus().toString());
    assertEquals(
        key,
        off.secret("fd-7-bacula-fd-0").orElseThrow().content().get("pki-key"),
        "the File Daemon keeps the key it needs to restore what it encrypted");
  }

  @Test
  void theMasterKeyIsShownOnceAndAgainOnlyWithForce() {
    State on = encrypted();
    ActionOutput first = ctx.runAction(ctx.on().action("get-master-key", Map.of()), on);
    assertFalse(first.isFailed(), first.failure().orElse(""));
    String file = (String) first.results().get("master-key");
    assertTrue(
        file.contains("-----BEGIN CERTIFICATE-----")
            && file.contains("-----BEGIN PRIVATE KEY-----"),
        file);
    assertTrue(
        file.contains(on.secret("bacula-master-key").orElseThrow().content().get("key").strip()));

    ActionOutput again = ctx.runAction(ctx.on().action("get-master-key", Map.of()), first.state());
    assertTrue(again.isFailed());
    assertTrue(
        again.failure().orElseThrow().contains("was taken out already"),
        again.failure().orElseThrow());
    assertFalse(again.results().containsKey("master-key"));

    ActionOutput forced =
        ctx.runAction(ctx.on().action("get-master-key", Map.of("force", true)), first.state());
    assertEquals(file, forced.results().get("master-key"));
  }

  @Test
  void aRebuiltServerTakesTheOldMasterKeyFromAFileAndDeletesTheFile() throws Exception {
    KeyAndCertificate old = EncryptionKeys.generate("old master");
    Path file = Files.writeString(root.resolve("master.pem"), old.keypairFile());
    ActionOutput imported =
        ctx.runAction(
            ctx.on().action("import-master-key", Map.of("path", file.toString())),
            State.empty().withLeader(true));
    assertFalse(imported.isFailed(), imported.failure().orElse(""));
    assertEquals(old.fingerprint(), imported.results().get("fingerprint"));
    assertFalse(Files.exists(file), "the key does not stay on the machine's disk");
    assertEquals(
        old.certificate().strip(),
        imported
            .state()
            .secret("bacula-master-key")
            .orElseThrow()
            .content()
            .get("certificate")
            .strip());

    Files.writeString(file, EncryptionKeys.generate("another").keypairFile());
    ActionOutput second =
        ctx.runAction(
            ctx.on().action("import-master-key", Map.of("path", file.toString())),
            imported.state());
    assertTrue(
        second.failure().orElseThrow().contains("has a master key already"),
        second.failure().orElseThrow());
  }

  @Test
  void aKeyFileWhoseKeyIsNotItsCertificatesIsRefused() throws Exception {
    KeyAndCertificate a = EncryptionKeys.generate("a");
    KeyAndCertificate b = EncryptionKeys.generate("b");
    Path file = Files.writeString(root.resolve("mixed.pem"), a.certificate() + b.key());
    ActionOutput out =
        ctx.runAction(
            ctx.on().action("import-master-key", Map.of("path", file.toString())),
            State.empty().withLeader(true));
    assertTrue(
        out.failure().orElseThrow().contains("does not belong to its certificate"),
        out.failure().orElseThrow());
    assertFalse(
        out.failure().orElseThrow().contains("PRIVATE KEY-----\n"), "the key is never quoted");
    assertTrue(out.state().secret("bacula-master-key").isEmpty());
  }
}
