package io.backupcharms.bacula.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaLab;
import io.backupcharms.bacula.BaculaTools;
import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.host.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TLS to a real Director that requires it (certificate for 127.0.0.1 made with openssl). */
class ConsoleTlsDaemonTest {
  @RegisterExtension static final BaculaLab LAB = new BaculaLab(ConsoleTlsDaemonTest::requireTls);

  static String requireTls(Path dir, String text) {
    Path tls = dir.resolve("tls");
    try {
      Files.createDirectories(tls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CommandResult r =
        BaculaTools.run(
            List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                tls.resolve("key.pem").toString(),
                "-out",
                tls.resolve("cert.pem").toString(),
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1"));
    assertEquals(0, r.exitCode(), r.output());
    String cert = tls.resolve("cert.pem").toString();
    return text.replaceFirst(
        "(?m)^(  DIRport = \\d+\n)",
        "$1  TLS Enable = yes\n  TLS Require = yes\n"
            + "  TLS Verify Peer = no\n  TLS Certificate = \""
            + cert
            + "\"\n  TLS Key = \""
            + tls.resolve("key.pem")
            + "\"\n  TLS CA Certificate File = \""
            + cert
            + "\"\n");
  }

  static SSLContext trusting(Path cert) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      ks.setCertificateEntry(
          "director", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Test
  void commandsRunOverTls() throws Exception {
    ConsoleSettings s =
        ConsoleSettings.of(BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD)
            .withTls(trusting(LAB.dir().resolve("tls/cert.pem")));
    try (DirectorConsole c = DirectorConsole.connect(s)) {
      assertEquals(Samples.DIRECTOR, c.version().director());
      assertTrue(c.jobNames().contains("test-fd-backup"));
    }
  }

  @Test
  void plainConsoleIsToldTheDirectorRequiresTls() {
    AuthenticationFailedException e =
        assertThrows(
            AuthenticationFailedException.class,
            () ->
                DirectorConsole.connect(
                    ConsoleSettings.of(
                        BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD)));
    assertTrue(e.getMessage().contains("requires TLS"), e.getMessage());
  }
}
