package io.backupcharms.fd.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The vectors of shared/reference/bacula-console-protocol.md, checked there against a live 9.6.7. */
class BaculaBase64Test {
  @Test
  void encodesHighBytesWithBaculasSignExtension() {
    assertEquals("A4A", BaculaBase64.encode(new byte[] {0x00, (byte) 0x80}));
  }

  @Test
  void encodesAnHmacAsTheDirectorExpects() {
    byte[] hmac = HexFormat.of().parseHex("00d704a23c9ba542acee9c32945115da");
    assertEquals("A9cEoj+bpU+s75wylFEV2C", BaculaBase64.encode(hmac));
  }

  @Test
  void answersAChallengeWithTheHexMd5OfThePasswordAsKey() {
    CramMd5 cram = new CramMd5("lab-console-pw");
    assertEquals("A9cEoj+bpU+s75wylFEV2C", cram.answer("<1234567890.1700000000@lab-dir>"));
    assertEquals("", BaculaBase64.encode("".getBytes(StandardCharsets.US_ASCII)));
  }
}
