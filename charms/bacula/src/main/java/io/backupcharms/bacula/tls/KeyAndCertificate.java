package io.backupcharms.bacula.tls;

import io.backupcharms.bacula.Redacted;

/**
 * A private key and its certificate, both PEM text, as they travel in a Juju secret.
 *
 * @param key the PKCS#8 private key ({@code BEGIN PRIVATE KEY})
 * @param certificate the X.509 certificate
 */
public record KeyAndCertificate(String key, String certificate) {
    /** Never with the key: see {@link Redacted}. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}
