package io.backupcharms.bacula.tls;

import io.backupcharms.bacula.BaculaException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * What the charm checks of a certificate an outside authority issued, before any daemon uses it:
 * that it certifies our key, names the address peers dial (Bacula checks the name), and when it is
 * due for renewal.
 *
 * @param leaf the first certificate of the PEM text
 */
public record IssuedCertificate(X509Certificate leaf) {

  /** Reads the first certificate of {@code pem}. */
  public static IssuedCertificate parse(String pem) {
    try {
      var all =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (all.isEmpty()) {
        throw new BaculaException("no certificate in the PEM text");
      }
      return new IssuedCertificate((X509Certificate) all.iterator().next());
    } catch (GeneralSecurityException e) {
      throw new BaculaException("not a PEM certificate: " + e.getMessage(), e);
    }
  }

  /** Whether the certificate's public key is the one of {@code keyPem} (PKCS#8 RSA). */
  public boolean certifies(String keyPem) {
    try {
      String body =
          keyPem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
      var key =
          (RSAPrivateCrtKey)
              KeyFactory.getInstance("RSA")
                  .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      return leaf.getPublicKey() instanceof RSAPublicKey pub
          && pub.getModulus().equals(key.getModulus())
          && pub.getPublicExponent().equals(key.getPublicExponent());
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      return false;
    }
  }

  /** Whether {@code address} is among its DNS or IP subject alternative names. */
  public boolean names(String address) {
    try {
      var names = leaf.getSubjectAlternativeNames();
      if (names == null) {
        return false;
      }
      for (List<?> name : names) {
        if (name.size() == 2 && address.equals(String.valueOf(name.get(1)))) {
          return true;
        }
      }
      return false;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether it is valid at {@code now}. */
  public boolean validAt(Instant now) {
    return !now.isBefore(leaf.getNotBefore().toInstant())
        && now.isBefore(leaf.getNotAfter().toInstant());
  }

  /**
   * Whether less than a third of its lifetime is left at {@code now}: time to ask for a new one
   * while this one still works.
   */
  public boolean renewalDue(Instant now) {
    Instant from = leaf.getNotBefore().toInstant();
    Instant to = leaf.getNotAfter().toInstant();
    Duration third = Duration.between(from, to).dividedBy(3);
    return !now.isBefore(to.minus(third));
  }

  /** When it stops being valid. */
  public Instant notAfter() {
    return leaf.getNotAfter().toInstant();
  }
}
