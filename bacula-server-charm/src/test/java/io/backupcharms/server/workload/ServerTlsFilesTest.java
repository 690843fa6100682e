package io.backupcharms.server.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.tls.CertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's TLS files, written with the real openssl. */
class ServerTlsFilesTest {
  private static final CertificateAuthority CA = CertificateAuthority.create("test CA");

  @Test
  void aHookWithTheSameAddressChangesNothingAndANewAddressGetsANewCertificate(@TempDir Path dir)
      throws Exception {
    ServerTlsFiles files = new ServerTlsFiles(dir.resolve("tls"));
    Tls tls = files.install(CA, "10.1.2.9");
    assertEquals(dir.resolve("tls/server.key").toString(), tls.key());
    String first = Files.readString(Path.of(tls.certificate()));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(tls.key()))),
        "the key is readable by root and the daemons' group only");

    files.install(CA, "10.1.2.9");
    assertEquals(first, Files.readString(Path.of(tls.certificate())), "nothing reissued on the same address");

    files.install(CA, "10.1.2.10");
    String moved = Files.readString(Path.of(tls.certificate()));
    assertNotEquals(first, moved, "a new address gets a new certificate");
    assertTrue(files.context().isPresent(), "the charm's console can use it");
  }
}
