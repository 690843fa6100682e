package io.backupcharms.server.tls;

import io.backupcharms.bacula.tls.CertificateAuthority;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.hooktools.SecretNotFoundError;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Secret;
import io.backupcharms.schema.UnitPasswords;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's certificate authority, kept as a Juju secret owned by bacula-server so that it
 * outlives the leader's machine, and the File Daemon certificates it issues into each unit's own
 * secret (next to that unit's password, granted to that unit alone).
 */
public final class DeploymentTls {
  /** Label of the authority's secret. */
  public static final String AUTHORITY = "bacula-ca";
  private static final String KEY = UnitPasswords.SECRET_TLS_KEY;
  private static final String CERTIFICATE = UnitPasswords.SECRET_TLS_CERTIFICATE;
  private static final String CA = UnitPasswords.SECRET_TLS_CA;
  /** The address the certificate names; a new address gets a new certificate. */
  private static final String ADDRESS = UnitPasswords.SECRET_TLS_ADDRESS;
  private static final String CA_KEY = "ca-key";
  private static final String CA_CERTIFICATE = "ca-certificate";

  private final Model model;

  public DeploymentTls(Model model) {
    this.model = model;
  }

  /** The authority, created by the leader on first use; empty on a unit that cannot read it yet. */
  public Optional<CertificateAuthority> authority() {
    Secret secret = model.secretByLabel(AUTHORITY);
    try {
      Map<String, String> c = secret.getContent();
      if (c.get(CA_KEY) != null && c.get(CA_CERTIFICATE) != null) {
        return Optional.of(new CertificateAuthority(new KeyAndCertificate(c.get(CA_KEY), c.get(CA_CERTIFICATE))));
      }
    } catch (SecretNotFoundError e) {
      // Not made yet: the leader makes it below.
    }
    if (!model.unit().isLeader()) {
      return Optional.empty();
    }
    CertificateAuthority made = CertificateAuthority.create("bacula-server " + model.name() + " CA");
    try {
      model.app().addSecret(Map.of(CA_KEY, made.authority().key(), CA_CERTIFICATE, made.certificate()),
          AUTHORITY, "Certificate authority of the Bacula daemons (TLS between them)");
    } catch (ModelError e) {
      throw new ModelError("cannot create the secret \"" + AUTHORITY + "\": " + e.getMessage(), e);
    }
    return Optional.of(made);
  }

  /**
   * Puts a certificate for {@code address} into a File Daemon unit's own secret, unless the
   * secret holds one for that address from this authority already.
   *
   * @return whether the secret changed (a new revision the unit will read)
   */
  public static boolean issueInto(Secret unitSecret, CertificateAuthority authority, String address) {
    Map<String, String> content = unitSecret.getContent();
    if (address.equals(content.get(ADDRESS)) && authority.certificate().equals(content.get(CA))
        && content.get(KEY) != null && content.get(CERTIFICATE) != null) {
      return false;
    }
    KeyAndCertificate own = authority.issue(address);
    Map<String, String> next = new HashMap<>(content);
    next.put(KEY, own.key());
    next.put(CERTIFICATE, own.certificate());
    next.put(CA, authority.certificate());
    next.put(ADDRESS, address);
    unitSecret.setContent(next);
    return true;
  }
}
