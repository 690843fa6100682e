package io.backupcharms.bacula.tls;

/**
 * Key pairs for Bacula's data encryption ({@code PKI Keypair}, {@code PKI Master Key}): RSA 2048
 * with a self-signed certificate, which is all Bacula reads of them (it trusts no authority for
 * data keys; the certificate only carries the public key).
 */
public final class EncryptionKeys {
  /** Long enough never to matter: Bacula does not check a data key's validity dates. */
  private static final int DAYS = 36500;

  private EncryptionKeys() {}

  /** A new key pair named {@code commonName} (for the operator who inspects it). */
  public static KeyAndCertificate generate(String commonName) {
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
              "data.key",
              "-out",
              "data.pem",
              "-days",
              String.valueOf(DAYS),
              "-subj",
              OpenSsl.subject(commonName));
          return new KeyAndCertificate(
              OpenSsl.read(dir, "data.key"), OpenSsl.read(dir, "data.pem"));
        });
  }
}
