package io.backupcharms.bacula.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The vectors of shared/reference/bacula-console-protocol.md, "Bacula base64". */
class CramMd5Test {
  private static final String CHALLENGE = "<1234567890.1700000000@lab-dir>";
  private static final String PASSWORD = "lab-console-pw";

  @Test
  void keyIsTheLowercaseHexMd5OfThePassword() {
    assertEquals(
        "d94e42730135ae49120899088eead8b9",
        new String(CramMd5.key(PASSWORD), StandardCharsets.US_ASCII));
  }

  @Test
  void hmacOfTheChallenge() {
    assertEquals(
        "00d704a23c9ba542acee9c32945115da",
        HexFormat.of().formatHex(CramMd5.hmac(CHALLENGE, PASSWORD)));
  }

  @Test
  void responseIsInBaculaBase64() {
    assertEquals("A9cEoj+bpU+s75wylFEV2C", CramMd5.respond(CHALLENGE, PASSWORD));
  }

  @Test
  void compatibleFormIsStandardBase64WithoutPadding() {
    byte[] h = CramMd5.hmac(CHALLENGE, PASSWORD);
    assertEquals("ANcEojybpUKs7pwylFEV2g", BaculaBase64.encodeCompatible(h));
    assertEquals("ANcEojybpUKs7pwylFEV2g==", Base64.getEncoder().encodeToString(h));
  }

  @Test
  void signExtensionOfHighBytes() {
    assertEquals("A4A", BaculaBase64.encode(new byte[] {0x00, (byte) 0x80}));
    assertEquals("", BaculaBase64.encode(new byte[0]));
  }

  @Test
  void verifyAcceptsBothFormsAndNothingElse() {
    assertTrue(CramMd5.verify(CHALLENGE, PASSWORD, "A9cEoj+bpU+s75wylFEV2C"));
    assertTrue(CramMd5.verify(CHALLENGE, PASSWORD, "ANcEojybpUKs7pwylFEV2g"));
    assertFalse(CramMd5.verify(CHALLENGE, "other", "A9cEoj+bpU+s75wylFEV2C"));
    assertFalse(CramMd5.verify(CHALLENGE, PASSWORD, ""));
  }

  @Test
  void challengeHasBaculasShape() {
    assertTrue(CramMd5.challenge("my-client").matches("<\\d+\\.\\d+@my-client>"));
  }
}
