package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.backupcharms.bacula.tls.CertificateAuthority;
import io.backupcharms.bacula.tls.IssuedCertificate;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import io.backupcharms.schema.UnitPasswords;
import io.backupcharms.server.workload.ServerTlsFiles;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Security, TLS: certificates from a {@code tls-certificates} provider (such as
 * self-signed-certificates) replace the deployment's own, one daemon at a time, never presenting a
 * certificate a peer does not trust yet.
 */
class ProvidedCertificatesStateTest extends ServerStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CertificateAuthority PROVIDER_CA =
      CertificateAuthority.create("provider CA");
  private static final String FD_UNIT = "bacula-fd/0";
  private static final String FD_SECRET = "fd-7-bacula-fd-0";
  private static final RelationState CERTS =
      RelationState.of("certificates", 30, "self-signed-certificates");
  private ServerTlsFiles files;

  @BeforeEach
  void withTls() {
    files = new ServerTlsFiles(root.resolve("tls"));
    workload.tlsFiles = Optional.of(files);
  }

  private static Map<String, String> fdBag(Map<String, String> extra) {
    Map<String, String> bag = CharmStateTest.fdBag(CharmStateTest.FD0, "10.1.1.5");
    bag.put("password-scope", "unit");
    bag.putAll(extra);
    return bag;
  }

  /** The provider's answer: each request of the requirer's application databag, signed. */
  private static Map<String, String> answer(State requirer, CertificateAuthority ca)
      throws Exception {
    JsonNode requests =
        JSON.readTree(
            requirer.relation(30).orElseThrow().localAppData().get("certificate_signing_requests"));
    ArrayNode certificates = JSON.createArrayNode();
    for (JsonNode r : requests) {
      String csr = r.get("certificate_signing_request").asText();
      String signed = ca.sign(csr);
      certificates
          .addObject()
          .put("certificate_signing_request", csr)
          .put("certificate", signed)
          .put("ca", ca.certificate())
          .putArray("chain")
          .add(signed)
          .add(ca.certificate());
    }
    return Map.of("certificates", certificates.toString());
  }

  /** A leader with one File Daemon unit, on the hook where the provider joins. */
  private State relateTheProvider() {
    RelationState fds = CharmStateTest.fdRelation(7, "bacula-fd", Map.of(FD_UNIT, fdBag(Map.of())));
    return ctx.run(
        ctx.on().relationJoined(CERTS, "self-signed-certificates/0"),
        State.empty().withLeader(true).withRelation(fds).withRelation(CERTS));
  }

  private static State with(State s, Map<String, String> fd, Map<String, String> provider) {
    RelationState fds =
        CharmStateTest.fdRelation(7, "bacula-fd", Map.of(FD_UNIT, fd))
            .withLocalAppData(s.relation(7).orElseThrow().localAppData());
    RelationState certs = s.relation(30).orElseThrow().withRemoteAppData(provider);
    return s.withRelation(fds).withRelation(certs);
  }

  @Test
  void eachDaemonMovesToTheProvidersCertificateOnlyOnceItsPeersTrustTheProvider() throws Exception {
    State asked = relateTheProvider();
    JsonNode requests =
        JSON.readTree(
            asked.relation(30).orElseThrow().localAppData().get("certificate_signing_requests"));
    assertEquals(
        2,
        requests.size(),
        "one request for the server, one for the File Daemon unit: " + requests);
    assertFalse(requests.get(0).get("ca").asBoolean(), "not asking to be an authority");
    assertEquals("bacula-ca", files.current().orElseThrow().source(), "own certificates meanwhile");

    // The File Daemon runs TLS with its own-authority certificate, trusting that authority alone.
    Map<String, String> ownOnly =
        fdBag(
            Map.of(
                "tls",
                "required",
                "tls-trust",
                UnitPasswords.fingerprint(
                    asked.secret(FD_SECRET).orElseThrow().content().get("tls-ca").strip())));
    // The provider answers: first every daemon learns to trust the provider's authority.
    State trusting =
        ctx.run(
            ctx.on().relationChanged(CERTS, "self-signed-certificates/0"),
            with(asked, ownOnly, answer(asked, PROVIDER_CA)));
    Map<String, String> secret = trusting.secret(FD_SECRET).orElseThrow().content();
    assertTrue(
        secret.get("tls-ca").contains(PROVIDER_CA.certificate().strip()),
        "the File Daemon trusts the provider");
    assertEquals(
        "bacula-ca",
        secret.get("tls-source"),
        "not its provider certificate while the Storage Daemon does not trust the provider yet");
    assertTrue(files.current().orElseThrow().trust().contains(PROVIDER_CA.certificate().strip()));
    assertEquals("bacula-ca", files.current().orElseThrow().source());

    // The server's daemons now run trusting both: the File Daemon gets its provider certificate.
    State issued =
        ctx.run(ctx.on().updateStatus(), with(trusting, ownOnly, answer(asked, PROVIDER_CA)));
    secret = issued.secret(FD_SECRET).orElseThrow().content();
    assertEquals("self-signed-certificates", secret.get("tls-source"));
    assertTrue(IssuedCertificate.parse(secret.get("tls-certificate")).names("10.1.1.5"));
    assertTrue(
        IssuedCertificate.parse(secret.get("tls-certificate")).certifies(secret.get("tls-key")));
    assertEquals(
        "bacula-ca",
        files.current().orElseThrow().source(),
        "the server keeps its own certificate until the File Daemon says it trusts the provider");

    String trusted = UnitPasswords.fingerprint(secret.get("tls-ca").strip());
    Map<String, String> acked = fdBag(Map.of("tls", "required", "tls-trust", trusted));
    ctx.run(ctx.on().updateStatus(), with(issued, acked, answer(asked, PROVIDER_CA)));
    ServerTlsFiles.Installed server = files.current().orElseThrow();
    assertEquals(
        "self-signed-certificates", server.source(), "every peer trusts it: the server switches");
    assertTrue(
        IssuedCertificate.parse(server.own().certificate()).names("127.0.0.1"),
        "and for the charm's console");
    assertTrue(
        workload.directorConfig().contains("server-" + server.own().fingerprint() + ".pem"),
        "the Director's configuration names the new certificate, so the reload loads it");
  }

  @Test
  void aCertificateThatDoesNotNameTheAddressIsRefusedAndTheOwnOneStays() throws Exception {
    State asked = relateTheProvider();
    JsonNode requests =
        JSON.readTree(
            asked.relation(30).orElseThrow().localAppData().get("certificate_signing_requests"));
    ArrayNode wrong = JSON.createArrayNode();
    for (JsonNode r : requests) {
      // A CA that ignores the request's names and certifies some other key.
      wrong
          .addObject()
          .put("certificate_signing_request", r.get("certificate_signing_request").asText())
          .put("certificate", PROVIDER_CA.issue("10.9.9.9").certificate())
          .put("ca", PROVIDER_CA.certificate());
    }
    Map<String, String> bad = new HashMap<>(Map.of("certificates", wrong.toString()));
    State out = ctx.run(ctx.on().updateStatus(), with(asked, fdBag(Map.of()), bad));
    assertTrue(out.unitStatus() instanceof BlockedStatus, out.unitStatus().toString());
    assertTrue(
        out.unitStatus().message().contains("self-signed-certificates's certificate for"),
        out.unitStatus().message());
    assertEquals("bacula-ca", out.secret(FD_SECRET).orElseThrow().content().get("tls-source"));
    ctx.run(ctx.on().updateStatus(), with(out, fdBag(Map.of()), bad));
    assertEquals("bacula-ca", files.current().orElseThrow().source());
  }
}
