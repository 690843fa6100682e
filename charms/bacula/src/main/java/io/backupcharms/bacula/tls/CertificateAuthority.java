package io.backupcharms.bacula.tls;

import io.backupcharms.bacula.BaculaException;
import java.nio.file.Files;

/**
 * A private certificate authority for the daemons of one deployment, made and used with the {@code
 * openssl} command line. Keys are RSA 2048, which every Bacula since 5.x reads; each certificate
 * names its daemon's address as common name, DNS and IP subject alternative name, because Bacula
 * checks the CN or a DNS name and Java checks the IP name.
 *
 * @param authority the authority's own key and self-signed certificate
 */
public record CertificateAuthority(KeyAndCertificate authority) {
  /** Ten years: the authority lives as long as the deployment. */
  private static final int AUTHORITY_DAYS = 3650;

  /** Two years: leaf certificates are renewed long before, whenever their address changes. */
  public static final int LEAF_DAYS = 730;

  /** A new authority named {@code commonName}. */
  public static CertificateAuthority create(String commonName) {
    return OpenSsl.inScratch(
        dir -> {
          OpenSsl.run(
              dir,
              "req",
              "-x509",
              "-newkey",
              "rsa:2048",
              "-nodes",
              "-keyout",
              "ca.key",
              "-out",
              "ca.pem",
              "-days",
              String.valueOf(AUTHORITY_DAYS),
              "-subj",
              OpenSsl.subject(commonName),
              "-addext",
              "basicConstraints=critical,CA:TRUE",
              "-addext",
              "keyUsage=critical,keyCertSign,cRLSign");
          return new CertificateAuthority(
              new KeyAndCertificate(OpenSsl.read(dir, "ca.key"), OpenSsl.read(dir, "ca.pem")));
        });
  }

  /** The authority's certificate, which every peer trusts. */
  public String certificate() {
    return authority.certificate();
  }

  /**
   * A new key and a certificate for the daemon at {@code addresses} (IP addresses, the first its
   * common name), good both as TLS server and as TLS client, since Bacula daemons are each in turn.
   */
  public KeyAndCertificate issue(String... addresses) {
    String names = subjectAltNames(addresses);
    String address = addresses[0];
    return OpenSsl.inScratch(
        dir -> {
          Files.writeString(dir.resolve("ca.key"), authority.key());
          Files.writeString(dir.resolve("ca.pem"), authority.certificate());
          Files.writeString(
              dir.resolve("ext"),
              "subjectAltName="
                  + names
                  + "\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n");
          OpenSsl.run(
              dir,
              "req",
              "-newkey",
              "rsa:2048",
              "-nodes",
              "-keyout",
              "leaf.key",
              "-out",
              "leaf.csr",
              "-subj",
              "/CN=" + address);
          OpenSsl.run(
              dir,
              "x509",
              "-req",
              "-in",
              "leaf.csr",
              "-CA",
              "ca.pem",
              "-CAkey",
              "ca.key",
              "-CAcreateserial",
              "-out",
              "leaf.pem",
              "-days",
              String.valueOf(LEAF_DAYS),
              "-extfile",
              "ext");
          return new KeyAndCertificate(
              OpenSsl.read(dir, "leaf.key"), OpenSsl.read(dir, "leaf.pem"));
        });
  }

  /**
   * Signs another party's request, with the names it asks for: what a {@code tls-certificates}
   * provider does, used by tests and by nothing that trusts the request's sender.
   */
  public String sign(String csrPem) {
    return OpenSsl.inScratch(
        dir -> {
          Files.writeString(dir.resolve("ca.key"), authority.key());
          Files.writeString(dir.resolve("ca.pem"), authority.certificate());
          Files.writeString(dir.resolve("leaf.csr"), csrPem);
          Files.writeString(
              dir.resolve("ext"),
              "extendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n");
          OpenSsl.run(
              dir,
              "x509",
              "-req",
              "-in",
              "leaf.csr",
              "-CA",
              "ca.pem",
              "-CAkey",
              "ca.key",
              "-CAcreateserial",
              "-copy_extensions",
              "copy",
              "-out",
              "leaf.pem",
              "-days",
              String.valueOf(LEAF_DAYS),
              "-extfile",
              "ext");
          return OpenSsl.read(dir, "leaf.pem");
        });
  }

  /** {@code DNS:a,IP:a,...} for IP addresses; anything else is refused before openssl sees it. */
  static String subjectAltNames(String... addresses) {
    StringBuilder names = new StringBuilder();
    for (String address : addresses) {
      if (!address.matches("[0-9A-Fa-f.:]{2,45}")) {
        throw new BaculaException(
            "cannot make a TLS certificate for \"" + address + "\": it is not an IP address");
      }
      names
          .append(names.length() == 0 ? "" : ",")
          .append("DNS:")
          .append(address)
          .append(",IP:")
          .append(address);
    }
    return names.toString();
  }

  /** Never with the key: see {@link io.backupcharms.bacula.Redacted}. */
  @Override
  public String toString() {
    return "CertificateAuthority[key=<redacted>]";
  }
}
