package io.backupcharms.bacula.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** A request made with real openssl, signed by a real authority, checked as the charm checks it. */
class CertificateRequestTest {

  @Test
  void aCertificateSignedForTheRequestCertifiesItsKeyAndNamesItsAddress() {
    CertificateRequest request = CertificateRequest.create("10.1.2.3");
    assertTrue(request.csr().contains("BEGIN CERTIFICATE REQUEST"), request.csr());
    CertificateAuthority ca = CertificateAuthority.create("test CA");
    String signed = ca.sign(request.csr());
    IssuedCertificate issued = IssuedCertificate.parse(signed);
    assertTrue(issued.certifies(request.key()), "the certificate is for the request's key");
    assertFalse(
        issued.certifies(CertificateRequest.create("10.1.2.3").key()), "not for another key");
    assertTrue(issued.names("10.1.2.3"), "the address of the request is in the certificate");
    assertFalse(issued.names("10.1.2.4"));
    assertTrue(issued.validAt(Instant.now()));
    assertFalse(issued.renewalDue(Instant.now()));
    assertTrue(issued.renewalDue(issued.notAfter().minus(1, ChronoUnit.DAYS)));
    assertFalse(request.toString().contains("PRIVATE"), "never prints the key");
  }
}
