package io.backupcharms.bacula.tls;

import io.backupcharms.bacula.BaculaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@link SSLContext}s for the library's Bacula clients: trust only the deployment's authority, and
 * present our own certificate, since the daemons verify their peers ({@code TLS Verify Peer}).
 */
public final class TlsContexts {
  private static final char[] IN_MEMORY = new char[0];

  private TlsContexts() {}

  /**
   * Trusts the authorities of {@code authorityPem} alone (one certificate or several, one after the
   * other) and presents {@code own} (its certificate, then any intermediates).
   */
  public static SSLContext mutual(String authorityPem, KeyAndCertificate own) {
    try {
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int n = 0;
      for (Certificate authority : certificates(x509, authorityPem)) {
        trust.setCertificateEntry("authority-" + n++, authority);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);

      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "own",
          privateKey(own.key()),
          IN_MEMORY,
          certificates(x509, own.certificate()).toArray(new Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, IN_MEMORY);

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new BaculaException(
          "cannot build a TLS context from the deployment's certificates: " + e.getMessage(), e);
    }
  }

  private static List<Certificate> certificates(CertificateFactory x509, String pem)
      throws GeneralSecurityException {
    List<Certificate> all =
        new ArrayList<>(
            x509.generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    if (all.isEmpty()) {
      throw new GeneralSecurityException("no certificate in the PEM text");
    }
    return all;
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    if (pem.contains("BEGIN RSA PRIVATE KEY") || body.isEmpty()) {
      throw new GeneralSecurityException("the private key is not PKCS#8 PEM (BEGIN PRIVATE KEY)");
    }
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
