package io.backupcharms.server.tls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.tls.CertificateRequest;
import io.backupcharms.bacula.tls.IssuedCertificate;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The requirer side of the {@code tls-certificates} interface (version 1, the databags of the
 * tls_certificates library v4) on the {@code certificates} endpoint. The leader publishes one
 * certificate signing request per daemon in the application databag, key {@code
 * certificate_signing_requests} (a JSON list of {@code {certificate_signing_request, ca}}); the
 * provider answers in its application databag, key {@code certificates} (a JSON list of {@code
 * {certificate_signing_request, certificate, ca, chain}}), matched by the request's PEM. A
 * certificate is used only when it certifies the request's key, names the daemon's address and is
 * valid now; otherwise the daemon keeps the deployment's own certificate and the reason is
 * reported.
 */
public final class ProvidedCertificates {
  /** The endpoint. */
  public static final String ENDPOINT = "certificates";

  static final String REQUESTS = "certificate_signing_requests";
  static final String CERTIFICATES = "certificates";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A certificate the provider issued for one of our requests.
   *
   * @param own the request's key with the certificate, then the chain's intermediates
   * @param authority the provider's CA certificate, which peers must trust
   */
  public record Provided(KeyAndCertificate own, String authority) {}

  private final Optional<Relation> relation;
  private final String provider;
  private final Map<String, JsonNode> byRequest = new HashMap<>();
  private final Set<String> requested = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();

  private ProvidedCertificates(Optional<Relation> relation) {
    this.relation = relation;
    this.provider = relation.flatMap(Relation::app).map(a -> a.name()).orElse(ENDPOINT);
    relation.ifPresent(this::readAnswers);
  }

  /** The provider's answers, or none when the endpoint is not related. */
  public static ProvidedCertificates read(Model model) {
    return new ProvidedCertificates(model.relation(ENDPOINT));
  }

  /** Whether a provider is related. */
  public boolean related() {
    return relation.isPresent();
  }

  /** The provider's application name, for messages. */
  public String provider() {
    return provider;
  }

  private void readAnswers(Relation r) {
    String raw = r.remoteAppData().get(CERTIFICATES).orElse("");
    if (raw.isBlank()) {
      return;
    }
    JsonNode list;
    try {
      list = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      problems.add(
          provider + "'s \"" + CERTIFICATES + "\" is not JSON (" + e.getOriginalMessage() + ")");
      return;
    }
    if (!list.isArray()) {
      problems.add(provider + "'s \"" + CERTIFICATES + "\" is not a JSON list");
      return;
    }
    for (JsonNode entry : list) {
      if (entry.path("revoked").asBoolean(false)) {
        continue;
      }
      String csr = entry.path("certificate_signing_request").asText("").strip();
      if (!csr.isEmpty()) {
        byRequest.put(csr, entry);
      }
    }
  }

  /**
   * Asks for a certificate for {@code request} (published by {@link #publish}) and returns the
   * provider's, once it gave a good one for {@code address}.
   *
   * @param who the daemon, for messages ("bacula-server/0", "bacula-fd/2")
   */
  public Optional<Provided> certificateFor(CertificateRequest request, String address, String who) {
    requested.add(request.csr().strip());
    JsonNode entry = byRequest.get(request.csr().strip());
    if (entry == null) {
      return Optional.empty();
    }
    String certificate = entry.path("certificate").asText("");
    String authority = entry.path("ca").asText("");
    if (certificate.isBlank() || authority.isBlank()) {
      problems.add(provider + "'s certificate for " + who + " lacks \"certificate\" or \"ca\"");
      return Optional.empty();
    }
    IssuedCertificate issued;
    try {
      issued = IssuedCertificate.parse(certificate);
      IssuedCertificate.parse(authority);
    } catch (BaculaException e) {
      problems.add(provider + "'s certificate for " + who + ": " + e.getMessage());
      return Optional.empty();
    }
    if (!issued.certifies(request.key())) {
      problems.add(provider + "'s certificate for " + who + " is not for the key of its request");
      return Optional.empty();
    }
    if (!issued.names(address)) {
      problems.add(
          provider
              + "'s certificate for "
              + who
              + " does not name its address "
              + address
              + " as a subject alternative name, which Bacula checks; configure the CA charm to"
              + " keep the names of the request");
      return Optional.empty();
    }
    if (!issued.validAt(Instant.now())) {
      problems.add(
          provider
              + "'s certificate for "
              + who
              + " is not valid now (until "
              + issued.notAfter()
              + ")");
      return Optional.empty();
    }
    StringBuilder chain = new StringBuilder(certificate.strip()).append('\n');
    for (JsonNode link : entry.path("chain")) {
      String pem = link.asText("").strip();
      // Intermediates only: the leaf is first already, and peers trust the authority itself.
      if (!pem.isEmpty() && !pem.equals(certificate.strip()) && !pem.equals(authority.strip())) {
        chain.append(pem).append('\n');
      }
    }
    return Optional.of(
        new Provided(
            new KeyAndCertificate(request.key(), chain.toString()), authority.strip() + "\n"));
  }

  /**
   * The authorities of the provider's answers to the requests published before this hook, whether
   * or not their certificates are usable yet.
   */
  public List<String> authoritiesAnswered() {
    if (relation.isEmpty()) {
      return List.of();
    }
    Set<String> published = new LinkedHashSet<>();
    try {
      for (JsonNode r : JSON.readTree(relation.get().localAppData().get(REQUESTS).orElse("[]"))) {
        published.add(r.path("certificate_signing_request").asText("").strip());
      }
    } catch (JsonProcessingException e) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String csr : published) {
      JsonNode entry = byRequest.get(csr);
      String ca = entry == null ? "" : entry.path("ca").asText("").strip();
      if (ca.startsWith("-----BEGIN CERTIFICATE-----")) {
        out.add(ca + "\n");
      }
    }
    return List.copyOf(out);
  }

  /** Keeps a request published (a certificate in use) without looking for its answer. */
  public void keepRequested(String csr) {
    requested.add(csr.strip());
  }

  /**
   * Publishes every request made this hook, on the leader; changes nothing when they are published.
   */
  public void publish() {
    if (relation.isEmpty()) {
      return;
    }
    ArrayNode list = JSON.createArrayNode();
    for (String csr : requested) {
      list.addObject().put("certificate_signing_request", csr).put("ca", false);
    }
    relation.get().localAppData().update(Map.of(REQUESTS, list.toString()), List.of());
  }

  /** What was wrong with the provider's answers, for the status. */
  public List<String> problems() {
    return List.copyOf(problems);
  }
}
