package io.backupcharms.server.tls;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.tls.CertificateAuthority;
import io.backupcharms.bacula.tls.CertificateRequest;
import io.backupcharms.bacula.tls.IssuedCertificate;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.StoredState;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.hooktools.SecretNotFoundError;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Secret;
import io.backupcharms.schema.UnitPasswords;
import io.backupcharms.server.workload.ServerTlsFiles;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which certificate each daemon presents and which authorities every daemon trusts. The
 * deployment's own authority is kept as a Juju secret owned by bacula-server, so that it outlives
 * the leader's machine; with a {@code tls-certificates} provider related, each daemon gets the
 * provider's certificate instead, as soon as it can use it without breaking a connection:
 *
 * <ul>
 *   <li>every daemon trusts the own authority and every authority the provider has used while
 *       related (the last few), so certificates of either verify everywhere;
 *   <li>a File Daemon gets its provider certificate only once the server's daemons run with the
 *       authorities that verify it;
 *   <li>the server presents its provider certificate only once every File Daemon that requires TLS
 *       says ({@code tls-trust}) it trusts those authorities.
 * </ul>
 *
 * File Daemon certificates go into each unit's own secret (next to that unit's password, granted to
 * that unit alone), together with the authorities to trust.
 */
public final class DeploymentTls {
  /** Label of the authority's secret. */
  public static final String AUTHORITY = "bacula-ca";

  private static final String KEY = UnitPasswords.SECRET_TLS_KEY;
  private static final String CERTIFICATE = UnitPasswords.SECRET_TLS_CERTIFICATE;
  private static final String CA = UnitPasswords.SECRET_TLS_CA;

  /** The address the certificate names; a new address gets a new certificate. */
  private static final String ADDRESS = UnitPasswords.SECRET_TLS_ADDRESS;

  /** Who issued the certificate: {@link #AUTHORITY} or the provider's application. */
  private static final String SOURCE = "tls-source";

  private static final String REQUEST_KEY = "tls-request-key";
  private static final String REQUEST_CSR = "tls-request-csr";
  private static final String REQUEST_ADDRESS = "tls-request-address";

  /**
   * The request of the provider certificate in use, kept published until its successor is in use.
   */
  private static final String IN_USE_CSR = "tls-csr";

  private static final String CA_KEY = "ca-key";
  private static final String CA_CERTIFICATE = "ca-certificate";

  /** Stored state: the provider's authorities seen while related, newest last. */
  private static final String PROVIDER_AUTHORITIES = "tls-provider-authorities";

  private static final int AUTHORITIES_KEPT = 3;
  private static final String SEPARATOR = "\n--\n";
  private static final String LOOPBACK = "127.0.0.1";

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
        return Optional.of(
            new CertificateAuthority(new KeyAndCertificate(c.get(CA_KEY), c.get(CA_CERTIFICATE))));
      }
    } catch (SecretNotFoundError e) {
      // Not made yet: the leader makes it below.
    }
    if (!model.unit().isLeader()) {
      return Optional.empty();
    }
    CertificateAuthority made =
        CertificateAuthority.create("bacula-server " + model.name() + " CA");
    try {
      model
          .app()
          .addSecret(
              Map.of(CA_KEY, made.authority().key(), CA_CERTIFICATE, made.certificate()),
              AUTHORITY,
              "Certificate authority of the Bacula daemons (TLS between them)");
    } catch (ModelError e) {
      throw new ModelError("cannot create the secret \"" + AUTHORITY + "\": " + e.getMessage(), e);
    }
    return Optional.of(made);
  }

  /**
   * One hook's certificates: {@code authority} is the deployment's own, {@code provided} the
   * provider's answers (not related: the own authority alone).
   */
  public static Pass pass(
      CertificateAuthority authority, ProvidedCertificates provided, StoredState stored) {
    return new Pass(authority, provided, stored);
  }

  /** The decisions of one hook; {@link #finish} publishes the requests made. */
  public static final class Pass {
    private final CertificateAuthority authority;
    private final ProvidedCertificates provided;
    private final StoredState stored;
    private final List<String> providerAuthorities;
    private final Instant now = Instant.now();

    private Pass(
        CertificateAuthority authority, ProvidedCertificates provided, StoredState stored) {
      this.authority = authority;
      this.provided = provided;
      this.stored = stored;
      List<String> known = new ArrayList<>();
      if (provided.related()) {
        for (String pem : stored.getString(PROVIDER_AUTHORITIES).orElse("").split(SEPARATOR)) {
          if (!pem.isBlank()) {
            known.add(pem.strip() + "\n");
          }
        }
      }
      this.providerAuthorities = known;
      // Answers to requests published before this hook: every daemon must trust their authority
      // before any daemon presents such a certificate.
      provided.authoritiesAnswered().forEach(this::learn);
    }

    /** The authorities every daemon trusts now, PEM, the own one first. */
    public String trust() {
      Set<String> all = new LinkedHashSet<>();
      all.add(authority.certificate().strip() + "\n");
      all.addAll(providerAuthorities);
      return String.join("", all);
    }

    private void learn(String providerAuthority) {
      if (!providerAuthorities.contains(providerAuthority)) {
        providerAuthorities.add(providerAuthority);
        while (providerAuthorities.size() > AUTHORITIES_KEPT) {
          providerAuthorities.remove(0);
        }
        stored.set(PROVIDER_AUTHORITIES, String.join(SEPARATOR, providerAuthorities));
      }
    }

    /**
     * Puts a certificate for {@code address} and the authorities to trust into a File Daemon unit's
     * own secret, unless it holds them already.
     *
     * @param serverTrustsIt whether the server's daemons run with {@link #trust()} now, so that a
     *     certificate of any of its authorities verifies there
     * @return whether the secret changed (a new revision the unit will read)
     */
    public boolean issueInto(
        Secret unitSecret, String unit, String address, boolean serverTrustsIt) {
      Map<String, String> content = unitSecret.getContent();
      Map<String, String> next = new HashMap<>(content);
      Optional<ProvidedCertificates.Provided> got = Optional.empty();
      if (provided.related()) {
        CertificateRequest request =
            requestIn(content, address).orElseGet(() -> CertificateRequest.create(address));
        if (provided.provider().equals(content.get(SOURCE))
            && content.get(IN_USE_CSR) != null
            && content.get(IN_USE_CSR).equals(request.csr())
            && renewalDue(content.get(CERTIFICATE))) {
          request = CertificateRequest.create(address);
        }
        next.put(REQUEST_KEY, request.key());
        next.put(REQUEST_CSR, request.csr());
        next.put(REQUEST_ADDRESS, address);
        Optional.ofNullable(content.get(IN_USE_CSR)).ifPresent(provided::keepRequested);
        got = provided.certificateFor(request, address, unit);
        got.ifPresent(p -> learn(p.authority()));
        if (got.isPresent() && serverTrustsIt) {
          next.put(KEY, got.get().own().key());
          next.put(CERTIFICATE, got.get().own().certificate());
          next.put(SOURCE, provided.provider());
          next.put(IN_USE_CSR, request.csr());
        }
      } else {
        for (String k : List.of(REQUEST_KEY, REQUEST_CSR, REQUEST_ADDRESS, IN_USE_CSR)) {
          next.remove(k);
        }
      }
      boolean keepsProvider =
          provided.related()
              && provided.provider().equals(next.get(SOURCE))
              && address.equals(next.get(ADDRESS))
              && stillGood(next.get(CERTIFICATE), address);
      boolean keepsOwn =
          AUTHORITY.equals(next.getOrDefault(SOURCE, AUTHORITY))
              && address.equals(content.get(ADDRESS))
              && content.get(KEY) != null
              && issuedByOwn(content.get(CERTIFICATE));
      boolean switched = got.isPresent() && serverTrustsIt;
      if (!switched && !keepsProvider && !keepsOwn) {
        KeyAndCertificate own = authority.issue(address);
        next.put(KEY, own.key());
        next.put(CERTIFICATE, own.certificate());
        next.put(SOURCE, AUTHORITY);
        next.remove(IN_USE_CSR);
      }
      next.put(CA, trust());
      next.put(ADDRESS, address);
      if (next.equals(content)) {
        return false;
      }
      unitSecret.setContent(next);
      return true;
    }

    /**
     * What the server's own daemons present and trust: the provider's certificate once every File
     * Daemon trusts its authority ({@code fileDaemonsTrustIt}), else the own authority's.
     */
    public ServerTlsFiles.Installed forServer(
        ServerTlsFiles files, String address, String unit, boolean fileDaemonsTrustIt) {
      Optional<ServerTlsFiles.Installed> current = files.current();
      String[] names =
          address.equals(LOOPBACK) ? new String[] {address} : new String[] {address, LOOPBACK};
      if (provided.related()) {
        CertificateRequest request =
            files
                .request(address)
                .orElseGet(
                    () -> {
                      CertificateRequest made = CertificateRequest.create(names);
                      files.saveRequest(made, address);
                      return made;
                    });
        if (current.isPresent()
            && current.get().source().equals(provided.provider())
            && current.get().own().key().equals(request.key())
            && renewalDue(current.get().own().certificate())) {
          provided.keepRequested(request.csr());
          request = CertificateRequest.create(names);
          files.saveRequest(request, address);
        }
        Optional<ProvidedCertificates.Provided> got =
            provided.certificateFor(request, address, unit);
        got.ifPresent(p -> learn(p.authority()));
        if (got.isPresent() && fileDaemonsTrustIt) {
          return new ServerTlsFiles.Installed(
              got.get().own(), trust(), address, provided.provider());
        }
      }
      if (current.isPresent()
          && current.get().address().equals(address)
          && (current.get().source().equals(AUTHORITY)
              ? issuedByOwn(current.get().own().certificate())
              : provided.related()
                  && current.get().source().equals(provided.provider())
                  && stillGood(current.get().own().certificate(), address))) {
        return new ServerTlsFiles.Installed(
            current.get().own(), trust(), address, current.get().source());
      }
      return new ServerTlsFiles.Installed(authority.issue(names), trust(), address, AUTHORITY);
    }

    /** Publishes the requests made this hook. */
    public void finish() {
      if (!provided.related()) {
        stored.set(PROVIDER_AUTHORITIES, "");
      }
      provided.publish();
    }

    /** Problems with the provider's answers, for the status. */
    public List<String> problems() {
      return provided.problems();
    }

    private boolean issuedByOwn(String certificate) {
      if (certificate == null) {
        return false;
      }
      try {
        IssuedCertificate.parse(certificate)
            .leaf()
            .verify(IssuedCertificate.parse(authority.certificate()).leaf().getPublicKey());
        return IssuedCertificate.parse(certificate).validAt(now);
      } catch (GeneralSecurityException | BaculaException e) {
        return false;
      }
    }

    private boolean stillGood(String certificate, String address) {
      try {
        IssuedCertificate c = IssuedCertificate.parse(certificate);
        return c.validAt(now) && c.names(address);
      } catch (BaculaException | NullPointerException e) {
        return false;
      }
    }

    private boolean renewalDue(String certificate) {
      try {
        return IssuedCertificate.parse(certificate).renewalDue(now);
      } catch (BaculaException | NullPointerException e) {
        return true;
      }
    }
  }

  private static Optional<CertificateRequest> requestIn(
      Map<String, String> content, String address) {
    if (content.get(REQUEST_KEY) == null
        || content.get(REQUEST_CSR) == null
        || !address.equals(content.get(REQUEST_ADDRESS))) {
      return Optional.empty();
    }
    return Optional.of(new CertificateRequest(content.get(REQUEST_KEY), content.get(REQUEST_CSR)));
  }
}
