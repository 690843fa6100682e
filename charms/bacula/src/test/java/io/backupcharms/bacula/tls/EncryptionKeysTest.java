package io.backupcharms.bacula.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaException;
import org.junit.jupiter.api.Test;

/**
 * Data keys made with the real openssl, and the key pair file an operator keeps and brings back.
 */
class EncryptionKeysTest {

  @Test
  void aClientNameLongerThanACommonNameAllowsStillGetsAKey() {
    // Client names of long models run past X.509's 64 characters; openssl refused the first
    // version.
    KeyAndCertificate key =
        EncryptionKeys.generate(
            "data key relation-encryptedbackupstest-8b15-myapp-0-dad83f9d53a4-fd/with+odd=chars");
    assertTrue(key.key().startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8, as Bacula reads it");
    assertTrue(key.certificate().startsWith("-----BEGIN CERTIFICATE-----"));
  }

  @Test
  void theKeyPairFileReadsBackAsTheSamePairAndAMixedFileIsRefused() {
    KeyAndCertificate a = EncryptionKeys.generate("a");
    KeyAndCertificate b = EncryptionKeys.generate("b");
    KeyAndCertificate back = KeypairFile.parse(a.keypairFile());
    assertEquals(a.fingerprint(), back.fingerprint());
    assertEquals(a.key().strip(), back.key().strip());
    assertNotEquals(a.fingerprint(), b.fingerprint());
    BaculaException mixed =
        assertThrows(BaculaException.class, () -> KeypairFile.parse(a.certificate() + b.key()));
    assertEquals(
        "the private key in the file does not belong to its certificate", mixed.getMessage());
    BaculaException noKey =
        assertThrows(BaculaException.class, () -> KeypairFile.parse(a.certificate()));
    assertTrue(noKey.getMessage().contains("no PEM PKCS#8 private key"), noKey.getMessage());
  }
}
