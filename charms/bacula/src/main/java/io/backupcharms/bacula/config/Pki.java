package io.backupcharms.bacula.config;

import java.util.List;

/**
 * File Daemon data encryption with Bacula's PKI: each file's data is encrypted, on the client, for
 * the client's own key pair and for every master key, and signed. A restore needs the private key
 * of one of them as the restoring File Daemon's {@code PKI Keypair}: the client's own, or the
 * master key pair, which is how data of a lost client is restored on another machine. (Bacula 9.6.7
 * does not decrypt with a master key file that holds the private key too; DataEncryptionDaemonTest
 * shows both.)
 *
 * @param keypair the File Daemon's certificate and RSA private key, concatenated PEM
 * @param masterKeys certificates of the master keys, which every backup is encrypted for too
 */
public record Pki(String keypair, List<String> masterKeys) {
  public Pki {
    Check.absolutePath("PKI", "PKI Keypair", keypair);
    masterKeys = List.copyOf(masterKeys);
    masterKeys.forEach(m -> Check.absolutePath("PKI", "PKI Master Key", m));
  }
}
