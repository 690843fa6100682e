package io.backupcharms.bacula.tls;

import io.backupcharms.bacula.Redacted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A private key and its certificate, both PEM text, as they travel in a Juju secret.
 *
 * @param key the PKCS#8 private key ({@code BEGIN PRIVATE KEY})
 * @param certificate the X.509 certificate
 */
public record KeyAndCertificate(String key, String certificate) {
  /**
   * A short public name of the pair: the first 16 hex digits of the SHA-256 of its certificate
   * text. Two parties compare it to agree on which key is in use without showing the key.
   */
  public String fingerprint() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(certificate.strip().getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  /** The file Bacula's {@code PKI Keypair} reads: certificate and key, PEM, one after the other. */
  public String keypairFile() {
    return certificate.strip() + "\n" + key.strip() + "\n";
  }

  /** Never with the key: see {@link Redacted}. */
  @Override
  public String toString() {
    return Redacted.describe(this);
  }
}
