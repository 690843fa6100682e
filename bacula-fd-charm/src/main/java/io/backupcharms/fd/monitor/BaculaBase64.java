package io.backupcharms.fd.monitor;

/**
 * Bacula's own base64, which CRAM-MD5 answers use: no padding, each byte sign-extended into a
 * 32-bit accumulator, and the last partial group right-aligned. See
 * {@code shared/reference/bacula-console-protocol.md}, "Bacula base64".
 */
final class BaculaBase64 {
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  private BaculaBase64() {}

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int register = 0;
    int bits = 0;
    for (byte b : bytes) {
      // The sign extension is Bacula's: a byte >= 0x80 sets the accumulator's high bits.
      register = (register << 8) | b;
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        out.append(ALPHABET[(register >>> bits) & 0x3f]);
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[register & ((1 << bits) - 1) & 0x3f]);
    }
    return out.toString();
  }
}
