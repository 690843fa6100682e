package io.backupcharms.server.secrets;

import java.security.SecureRandom;

/** Random passwords for Bacula: letters and digits only, so no quoting question ever arises. */
public final class Passwords {

  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /** A new 40-character password (about 238 bits). */
  public static String generate() {
    char[] out = new char[40];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
