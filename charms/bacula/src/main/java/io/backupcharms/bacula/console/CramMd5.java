package io.backupcharms.bacula.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bacula's CRAM-MD5: the answer to a challenge {@code <...>} is HMAC-MD5 keyed with the lowercase
 * hex MD5 of the password, over the whole challenge token, in Bacula base64.
 */
final class CramMd5 {
  private static final SecureRandom RANDOM = new SecureRandom();

  private CramMd5() {}

  /** The HMAC key: lowercase hex MD5 of the password, as 32 ASCII bytes. */
  static byte[] key(String password) {
    try {
      byte[] md5 =
          MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : md5) {
        hex.append(String.format("%02x", b & 0xff));
      }
      return hex.toString().getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  static byte[] hmac(String challenge, String password) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key(password), "HmacMD5"));
      return mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacMD5 is missing from this JVM", e);
    }
  }

  /** The answer to send (without the trailing NUL). */
  static String respond(String challenge, String password) {
    return BaculaBase64.encode(hmac(challenge, password));
  }

  /** Whether the Director's answer to our challenge is right, in either base64 form. */
  static boolean verify(String challenge, String password, String answer) {
    byte[] h = hmac(challenge, password);
    return MessageDigest.isEqual(
            answer.getBytes(StandardCharsets.US_ASCII),
            BaculaBase64.encode(h).getBytes(StandardCharsets.US_ASCII))
        || MessageDigest.isEqual(
            answer.getBytes(StandardCharsets.US_ASCII),
            BaculaBase64.encodeCompatible(h).getBytes(StandardCharsets.US_ASCII));
  }

  /** A fresh challenge token in Bacula's form: {@code <random.time@name>}. */
  static String challenge(String name) {
    return "<"
        + Integer.toUnsignedString(RANDOM.nextInt())
        + "."
        + (System.currentTimeMillis() / 1000)
        + "@"
        + name
        + ">";
  }
}
