package io.backupcharms.bacula.console;

/**
 * Bacula's base64 (lib/base64.c), which differs from RFC 4648: no padding, each byte is
 * sign-extended into a 32-bit accumulator (so bytes of 0x80 and above set the leftover high bits),
 * and the last partial group is right-aligned. CRAM-MD5 answers are exchanged in this form.
 */
final class BaculaBase64 {
  private static final char[] DIGITS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  private BaculaBase64() {}

  /** Bacula's own form, as the Director sends and expects it. */
  static String encode(byte[] bin) {
    return encode(bin, false);
  }

  /** Standard base64 without padding ("compatible" mode), which some Bacula peers send back. */
  static String encodeCompatible(byte[] bin) {
    return encode(bin, true);
  }

  private static String encode(byte[] bin, boolean compatible) {
    StringBuilder out = new StringBuilder((bin.length * 4 + 2) / 3);
    int acc = 0;
    int bits = 0;
    int i = 0;
    while (i < bin.length) {
      if (bits < 6) {
        acc <<= 8;
        // Sign extension is the point: it reproduces the C code's (int8_t) cast.
        acc |= compatible ? (bin[i++] & 0xff) : bin[i++];
        bits += 8;
      }
      out.append(DIGITS[(acc >>> (bits - 6)) & 0x3f]);
      bits -= 6;
    }
    if (bits > 0) {
      int mask = (1 << bits) - 1;
      out.append(DIGITS[compatible ? (acc & mask) << (6 - bits) : acc & mask]);
    }
    return out.toString();
  }
}
