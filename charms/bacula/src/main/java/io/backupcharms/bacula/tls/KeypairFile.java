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
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a key pair file as Bacula's {@code PKI Keypair} takes it and {@link
 * KeyAndCertificate#keypairFile} writes it: one PEM certificate and one PEM PKCS#8 RSA private key,
 * in either order. The key must belong to the certificate, so a wrong file is refused before
 * anything relies on it.
 */
public final class KeypairFile {
  private static final Pattern CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+-----END CERTIFICATE-----");
  private static final Pattern KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private KeypairFile() {}

  /**
   * @throws BaculaException saying what is missing or wrong, never quoting the key
   */
  public static KeyAndCertificate parse(String pem) {
    Matcher cert = CERTIFICATE.matcher(pem);
    Matcher key = KEY.matcher(pem);
    if (!cert.find()) {
      throw new BaculaException("the file holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    if (!key.find()) {
      throw new BaculaException(
          "the file holds no PEM PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
    }
    try {
      X509Certificate x509 =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(cert.group().getBytes(StandardCharsets.US_ASCII)));
      byte[] der = Base64.getMimeDecoder().decode(key.group(1));
      RSAPrivateCrtKey privateKey =
          (RSAPrivateCrtKey)
              KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      if (!(x509.getPublicKey() instanceof RSAPublicKey pub)
          || !pub.getModulus().equals(privateKey.getModulus())) {
        throw new BaculaException("the private key in the file does not belong to its certificate");
      }
    } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
      throw new BaculaException(
          "the file's certificate or RSA private key cannot be read: "
              + e.getClass().getSimpleName(),
          e);
    }
    return new KeyAndCertificate(key.group() + "\n", cert.group() + "\n");
  }
}
