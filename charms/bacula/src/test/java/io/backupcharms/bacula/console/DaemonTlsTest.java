package io.backupcharms.bacula.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaLab;
import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.config.Level;
import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.bacula.console.reply.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Director, File Daemon, Storage Daemon and console all requiring TLS of each other, with
 * certificates from {@link io.backupcharms.bacula.tls.CertificateAuthority}: jobs run, and nothing
 * in plaintext gets in.
 */
class DaemonTlsTest {
  @RegisterExtension static final BaculaLab LAB = BaculaLab.withTls();
  private static final String MARKER = "PLAINTEXT-MARKER-7f3a9c";

  private static ConsoleSettings console() {
    return ConsoleSettings.of(BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD)
        .withTls(LAB.tlsContext());
  }

  @Test
  void aBackupRunsOverTlsAndItsTrafficHoldsNoFileContent() throws Exception {
    Files.writeString(LAB.data().resolve("secret.txt"), (MARKER + "\n").repeat(200));
    Path capture = LAB.dir().resolve("capture.pcap");
    Process tcpdump =
        new ProcessBuilder(
                "tcpdump",
                "-i",
                "lo",
                "-U",
                "-w",
                capture.toString(),
                "port " + LAB.samples().fdPort() + " or port " + LAB.samples().sdPort())
            .redirectErrorStream(true)
            .redirectOutput(LAB.dir().resolve("log/tcpdump.out").toFile())
            .start();
    try {
      waitForCapture(capture);
      try (DirectorConsole c = DirectorConsole.connect(console())) {
        long id = new NativeDirector(c).run(RunRequest.of("test-fd-backup").withLevel(Level.FULL));
        JobRecord job =
            new NativeDirector(c).await(id, JobWait.upTo(Duration.ofSeconds(60)), JobWatcher.NONE);
        assertEquals(JobStatus.OK, job.status(), () -> "the job over TLS: " + job);
      }
    } finally {
      tcpdump.destroy();
      tcpdump.waitFor(10, TimeUnit.SECONDS);
    }
    byte[] traffic = Files.readAllBytes(capture);
    assertTrue(
        traffic.length > 4_800, "the capture saw the job's traffic: " + traffic.length + " bytes");
    assertFalse(
        new String(traffic, StandardCharsets.ISO_8859_1).contains(MARKER),
        "a file's content crossed the network in plaintext");
    assertFalse(
        new String(traffic, StandardCharsets.ISO_8859_1).contains("secret.txt"),
        "a file's name crossed the network in plaintext");
  }

  @Test
  void aPlaintextLoginWithTheRightPasswordIsRefusedByEveryDaemon() {
    AuthenticationFailedException fd =
        assertThrows(
            AuthenticationFailedException.class,
            new FileDaemonStatusClient(
                    BaculaLab.ADDRESS,
                    LAB.samples().fdPort(),
                    Samples.DIRECTOR,
                    Samples.CLIENT_PASSWORD,
                    Duration.ofSeconds(10))
                ::checkLogin);
    assertTrue(fd.getMessage().contains("requires TLS"), fd.getMessage());
    AuthenticationFailedException dir =
        assertThrows(
            AuthenticationFailedException.class,
            () ->
                DirectorConsole.connect(
                    ConsoleSettings.of(
                        BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD)));
    assertTrue(dir.getMessage().contains("requires TLS"), dir.getMessage());
    new FileDaemonStatusClient(
            BaculaLab.ADDRESS,
            LAB.samples().fdPort(),
            Samples.DIRECTOR,
            Samples.CLIENT_PASSWORD,
            Duration.ofSeconds(10))
        .withTls(LAB.tlsContext())
        .checkLogin();
  }

  @Test
  void aConsoleUsingTlsWhenOfferedUsesItWithADirectorThatRequiresIt() {
    try (DirectorConsole c =
        DirectorConsole.connect(
            ConsoleSettings.of(BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD)
                .withTlsWhenOffered(LAB.tlsContext()))) {
      assertEquals(Samples.DIRECTOR, c.version().director());
    }
  }

  private static void waitForCapture(Path capture) throws IOException, InterruptedException {
    // tcpdump writes the file header once it listens; traffic before that would be missed.
    for (int i = 0; i < 100 && (!Files.exists(capture) || Files.size(capture) == 0); i++) {
      Thread.sleep(50);
    }
    Thread.sleep(200);
  }
}
