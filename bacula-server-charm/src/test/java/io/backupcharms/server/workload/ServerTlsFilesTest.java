package io.backupcharms.server.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.tls.CertificateAuthority;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsFilesTest {
  private static final CertificateAuthority CA = CertificateAuthority.create("test CA");

  @Test
  void aRenewedCertificateGetsNewFileNamesAndTheOldOnesStayWhileALiveFileNamesThem(
      @TempDir Path dir) throws Exception {
    ServerTlsFiles files = new ServerTlsFiles(dir.resolve("tls"));
    KeyAndCertificate first = CA.issue("10.1.2.9");
    ServerTlsFiles.Installed installed =
        new ServerTlsFiles.Installed(first, CA.certificate(), "10.1.2.9", "bacula-ca");
    Tls tls = files.install(installed);
    assertEquals(dir.resolve("tls/server-" + first.fingerprint() + ".key").toString(), tls.key());
    assertEquals(
        "rw-r-----",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(tls.key()))),
        "the key is readable by root and the daemons' group only");
    assertEquals(installed, files.current().orElseThrow(), "what was installed reads back");
    assertEquals(tls, files.install(installed), "the same again changes nothing");
    assertTrue(files.context().isPresent(), "the charm's console can use it");

    KeyAndCertificate renewed = CA.issue("10.1.2.9");
    Tls next =
        files.install(
            new ServerTlsFiles.Installed(renewed, CA.certificate(), "10.1.2.9", "bacula-ca"));
    assertNotEquals(
        tls.certificate(), next.certificate(), "a renewed certificate changes the daemons' files");
    String liveStorage =
        "Storage { TLS Certificate = \""
            + tls.certificate()
            + "\"\n TLS Key = \""
            + tls.key()
            + "\" }";
    files.removeUnnamed(List.of(liveStorage));
    assertTrue(
        Files.exists(Path.of(tls.key())),
        "the Storage Daemon still runs on the old files: they stay");
    files.removeUnnamed(List.of("Storage { TLS Certificate = \"" + next.certificate() + "\" }"));
    assertFalse(
        Files.exists(Path.of(tls.key())), "once no daemon names it, the old key is deleted");
    assertTrue(Files.exists(Path.of(next.key())), "the current key stays");
    assertTrue(
        files.names("TLS CA Certificate File = \"" + next.caFile() + "\"", CA.certificate()));
  }
}
