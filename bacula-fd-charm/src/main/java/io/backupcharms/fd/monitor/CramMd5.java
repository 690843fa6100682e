package io.backupcharms.fd.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bacula's mutual CRAM-MD5: HMAC-MD5 keyed with the lowercase hex MD5 of the password, over the
 * whole {@code <...>} challenge token, answered in Bacula base64 with a NUL appended.
 */
final class CramMd5 {
  private static final Pattern CHALLENGE = Pattern.compile("auth cram-md5 (<[^>\\s]+>) ssl=(\\d)\\s*");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  CramMd5(String password) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
      this.key = HexFormat.of().formatHex(md5).getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no MD5, which Bacula's authentication needs", e);
    }
  }

  /** Answers the daemon's challenge, then challenges it back; both must succeed. */
  void authenticate(Packets packets, String myName) throws IOException {
    String challenge = packets.receive();
    Matcher m = challenge == null ? null : CHALLENGE.matcher(challenge);
    if (m == null || !m.matches()) {
      throw new IOException("expected a CRAM-MD5 challenge from the File Daemon, got "
          + describe(challenge, packets));
    }
    packets.send(answer(m.group(1)) + "\0");
    String verdict = packets.receive();
    if (verdict == null || !verdict.startsWith("1000 OK auth")) {
      throw new IOException("the File Daemon refused the monitor password (" + describe(verdict, packets)
          + "); the monitor entry of bacula-fd.conf and the charm's stored password differ");
    }
    String mine = "<" + Integer.toUnsignedString(RANDOM.nextInt()) + "."
        + (System.currentTimeMillis() / 1000) + "@" + myName + ">";
    packets.send("auth cram-md5 " + mine + " ssl=0\n");
    String theirs = packets.receive();
    String expected = answer(mine);
    if (theirs == null || !theirs.strip().equals(expected)) {
      packets.send("1999 Authorization failed.\n");
      throw new IOException("the File Daemon did not prove it knows the monitor password");
    }
    packets.send("1000 OK auth\n");
  }

  String answer(String challengeToken) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return BaculaBase64.encode(mac.doFinal(challengeToken.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no HmacMD5, which Bacula's authentication needs", e);
    }
  }

  private static String describe(String text, Packets packets) {
    return text == null ? "signal " + packets.lastSignal() : "\"" + text.strip() + "\"";
  }
}
