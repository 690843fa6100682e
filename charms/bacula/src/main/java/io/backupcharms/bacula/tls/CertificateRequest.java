package io.backupcharms.bacula.tls;

import io.backupcharms.bacula.BaculaException;

/**
 * A new private key and the certificate signing request (PKCS#10, PEM) that asks an outside
 * authority, such as a {@code tls-certificates} provider, to certify it for a daemon's addresses.
 * RSA 2048 like {@link CertificateAuthority}'s leaves; the addresses go into the request as common
 * name and as DNS and IP subject alternative names, which authorities of the {@code
 * tls-certificates} interface copy into the certificate.
 *
 * @param key the new PKCS#8 private key, which never leaves the charm's secrets and files
 * @param csr the request, PEM
 */
public record CertificateRequest(String key, String csr) {

  /** A request for the daemon at {@code addresses} (IP addresses, the first its common name). */
  public static CertificateRequest create(String... addresses) {
    String names = CertificateAuthority.subjectAltNames(addresses);
    return OpenSsl.inScratch(
        dir -> {
          OpenSsl.run(
              dir,
              "req",
              "-new",
              "-newkey",
              "rsa:2048",
              "-nodes",
              "-keyout",
              "leaf.key",
              "-out",
              "leaf.csr",
              "-subj",
              "/CN=" + addresses[0],
              "-addext",
              "subjectAltName=" + names);
          return new CertificateRequest(
              OpenSsl.read(dir, "leaf.key"), OpenSsl.read(dir, "leaf.csr"));
        });
  }

  /** The key with the certificate an authority issued for this request. */
  public KeyAndCertificate with(String certificate) {
    if (certificate == null || certificate.isBlank()) {
      throw new BaculaException("no certificate for the request");
    }
    return new KeyAndCertificate(key, certificate);
  }

  /** Never with the key: see {@link io.backupcharms.bacula.Redacted}. */
  @Override
  public String toString() {
    return "CertificateRequest[key=<redacted>]";
  }
}
