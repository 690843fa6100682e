package io.backupcharms.bacula.config;

/**
 * TLS on one side of a daemon connection, required and verified both ways: each peer presents a
 * certificate signed by {@code caFile}'s authority. Bacula authenticates with CRAM-MD5 first and
 * then starts TLS, so everything after the login (commands, file names, file data) is encrypted. A
 * resource without it (null) renders no TLS directive, for peers that cannot do TLS.
 *
 * @param caFile the authority's certificate, PEM, against which the peer is checked
 * @param certificate this side's certificate, PEM; its subject names the address peers dial
 * @param key this side's private key, PEM, readable by the daemon's user only
 * @param require refuse a peer without TLS; false only where peers that cannot do TLS must still
 *     connect (a Storage Daemon serving File Daemons of other charms)
 */
public record Tls(String caFile, String certificate, String key, boolean require) {
  public Tls {
    Check.absolutePath("TLS", "TLS CA Certificate File", caFile);
    Check.absolutePath("TLS", "TLS Certificate", certificate);
    Check.absolutePath("TLS", "TLS Key", key);
  }

  /** TLS that a peer without it cannot pass. */
  public static Tls required(String caFile, String certificate, String key) {
    return new Tls(caFile, certificate, key, true);
  }

  /** The same files, offered but not required. */
  public Tls offered() {
    return new Tls(caFile, certificate, key, false);
  }
}
