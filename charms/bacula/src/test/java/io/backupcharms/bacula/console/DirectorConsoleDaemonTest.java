package io.backupcharms.bacula.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaLab;
import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.Trees;
import io.backupcharms.bacula.config.Level;
import io.backupcharms.bacula.config.Replace;
import io.backupcharms.bacula.console.reply.JobProgress;
import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.bacula.console.reply.JobStatus;
import io.backupcharms.bacula.tls.CertificateAuthority;
import io.backupcharms.bacula.tls.TlsContexts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console client against real bacula-dir, bacula-sd and bacula-fd. */
class DirectorConsoleDaemonTest {
  @RegisterExtension static final BaculaLab LAB = new BaculaLab();
  private static DirectorConsole console;

  @BeforeAll
  static void connect() {
    console = DirectorConsole.connect(settings());
  }

  @AfterAll
  static void disconnect() {
    if (console != null) {
      console.close();
    }
  }

  static ConsoleSettings settings() {
    return ConsoleSettings.of(BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD);
  }

  private static JobRecord runAndWait(RunRequest r) {
    long id = new NativeDirector(console).run(r);
    return new NativeDirector(console)
        .await(id, JobWait.upTo(Duration.ofSeconds(60)), JobWatcher.NONE);
  }

  /** The one reload that turns TLS on starts from a Director that runs without it. */
  @Test
  void aConsoleUsingTlsWhenOfferedLogsInToADirectorWithoutTls() {
    CertificateAuthority ca = CertificateAuthority.create("test CA");
    SSLContext tls = TlsContexts.mutual(ca.certificate(), ca.issue(BaculaLab.ADDRESS));
    try (DirectorConsole c = DirectorConsole.connect(settings().withTlsWhenOffered(tls))) {
      assertEquals(Samples.DIRECTOR, c.version().director());
    }
    assertThrows(
        AuthenticationFailedException.class,
        () -> DirectorConsole.connect(settings().withTls(tls)),
        "required TLS is never dropped");
  }

  @Test
  void versionNamesTheDirector() {
    var v = console.version();
    assertEquals(Samples.DIRECTOR, v.director());
    assertEquals("9.6.7", v.version());
    assertTrue(
        console.greeting().startsWith("1000 OK: 103 test-dir Version: 9.6.7"), console.greeting());
  }

  @Test
  void fullIncrementalAndRestoreOfTheLatestReproduceTheTreeElsewhere() throws Exception {
    Trees.delete(LAB.data());
    Files.createDirectories(LAB.data());
    Trees.populate(LAB.data());
    List<JobProgress> seen = new ArrayList<>();
    long full =
        new NativeDirector(console).run(RunRequest.of("test-fd-backup").withLevel(Level.FULL));
    // Reporting at every poll, so even a short job is seen while it runs.
    NativeDirector director = new NativeDirector(console);
    JobRecord f =
        director.await(
            full,
            new JobWait(Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(60)),
            new JobWatcher() {
              @Override
              public void statusChanged(JobRecord job) {
                director.progress(job.jobId()).ifPresent(seen::add);
              }

              @Override
              public void stillRunning(JobRecord job, Optional<JobProgress> progress) {
                progress.ifPresent(seen::add);
              }
            });
    assertEquals(JobStatus.OK, f.status(), console.messages());
    assertTrue(
        !seen.isEmpty()
            && seen.stream().allMatch(p -> p.jobId() == full && p.client().equals(Samples.CLIENT)),
        "progress reported while the job was queued or running: " + seen);
    assertEquals("F", f.level());
    assertEquals(Samples.CLIENT, f.client());
    assertTrue(f.files() >= 12, "files: " + f.files());
    List<String> files = console.files(full);
    assertTrue(files.contains(LAB.data() + "/sub/héllo wörld ünïcødé.txt"), files.toString());
    assertTrue(files.contains(LAB.data() + "/sub/日本語.bin"), files.toString());
    assertTrue(files.contains(LAB.data() + "/sub/tab\there.txt"), files.toString());

    // Changes an Incremental must carry, including a deletion (Accurate mode).
    Files.delete(LAB.data().resolve("secret.key"));
    Trees.write(LAB.data().resolve("new file.txt"), "new", "rw-r--r--");
    Files.setPosixFilePermissions(
        LAB.data().resolve("run.sh"), PosixFilePermissions.fromString("rwx------"));
    JobRecord inc = runAndWait(RunRequest.of("test-fd-backup").withLevel(Level.INCREMENTAL));
    assertEquals(JobStatus.OK, inc.status());
    assertEquals("I", inc.level());
    assertTrue(console.files(inc.jobId()).contains(LAB.data() + "/new file.txt"));

    Path where = LAB.dir().resolve("restores/latest");
    long restore =
        new NativeDirector(console)
            .restore(
                RestoreRequest.latest(Samples.CLIENT, Samples.CLIENT + "-fileset")
                    .withWhere(where.toString())
                    .withReplace(Replace.ALWAYS)
                    .withRestoreJob("test-fd-restore"));
    JobRecord r =
        new NativeDirector(console)
            .await(restore, JobWait.upTo(Duration.ofSeconds(60)), JobWatcher.NONE);
    assertEquals(JobStatus.OK, r.status(), console.messages());
    assertEquals(
        Trees.describe(LAB.data()), Trees.describe(Path.of(where + LAB.data().toString())));

    List<JobRecord> jobs = new NativeDirector(console).backups(Optional.of(Samples.CLIENT), 100);
    assertTrue(
        jobs.stream().anyMatch(j -> j.jobId() == full)
            && jobs.stream().anyMatch(j -> j.jobId() == inc.jobId()));
    String bconsole = bconsole("list jobs client=" + Samples.CLIENT);
    for (JobRecord j : jobs) {
      assertTrue(
          bconsole.matches("(?s).*\\|\\s*" + j.jobId() + "\\s*\\|\\s*" + j.name() + "\\s*\\|.*"),
          "bconsole lists job " + j.jobId() + ":\n" + bconsole);
    }
  }

  @Test
  void restoreInPlaceOfAGivenJobUndoesDamage() throws Exception {
    Trees.delete(LAB.data());
    Files.createDirectories(LAB.data());
    Trees.populate(LAB.data());
    Map<String, String> saved = Trees.describe(LAB.data());
    JobRecord full = runAndWait(RunRequest.of("test-fd-backup").withLevel(Level.FULL));
    assertEquals(JobStatus.OK, full.status());

    Files.writeString(LAB.data().resolve("plain.txt"), "overwritten");
    Files.delete(LAB.data().resolve("sub/日本語.bin"));
    Files.delete(LAB.data().resolve("link-rel"));
    Files.setPosixFilePermissions(
        LAB.data().resolve("secret.key"), PosixFilePermissions.fromString("rw-rw-rw-"));
    assertFalse(saved.equals(Trees.describe(LAB.data())));

    long restore =
        new NativeDirector(console)
            .restore(
                RestoreRequest.ofJob(full.jobId(), Samples.CLIENT)
                    .withWhere("/")
                    .withReplace(Replace.ALWAYS)
                    .withRestoreJob("test-fd-restore"));
    JobRecord r =
        new NativeDirector(console)
            .await(restore, JobWait.upTo(Duration.ofSeconds(60)), JobWatcher.NONE);
    assertEquals(JobStatus.OK, r.status(), console.messages());
    assertEquals(saved, Trees.describe(LAB.data()));
  }

  @Test
  void wrongPasswordIsAClearAuthenticationError() {
    AuthenticationFailedException e =
        assertThrows(
            AuthenticationFailedException.class,
            () ->
                DirectorConsole.connect(
                    ConsoleSettings.of(BaculaLab.ADDRESS, LAB.samples().dirPort(), "wrong")));
    assertTrue(
        e.getMessage().contains("refused the password for the default console"), e.getMessage());
    assertTrue(e.getMessage().contains("127.0.0.1:" + LAB.samples().dirPort()), e.getMessage());
  }

  @Test
  void unreachableDirectorIsAClearError() throws Exception {
    int closed;
    try (var s = new ServerSocket(0, 1, InetAddress.getByName(BaculaLab.ADDRESS))) {
      closed = s.getLocalPort();
    }
    DirectorUnreachableException e =
        assertThrows(
            DirectorUnreachableException.class,
            () -> DirectorConsole.connect(ConsoleSettings.of(BaculaLab.ADDRESS, closed, "pw")));
    assertTrue(
        e.getMessage().startsWith("cannot reach the Director at 127.0.0.1:" + closed),
        e.getMessage());
    assertTrue(e.getMessage().contains("check that bacula-dir is running"), e.getMessage());
  }

  @Test
  void namedConsoleSeesOnlyWhatItsAclsAllow() {
    try (DirectorConsole ops = DirectorConsole.connect(settings().withConsole("ops", "ops-pw"))) {
      assertTrue(ops.jobNames().contains("test-fd-backup"));
      UnexpectedReplyException e = assertThrows(UnexpectedReplyException.class, ops::reload);
      assertTrue(e.directorText().contains("reload: is an invalid command"), e.directorText());
    }
  }

  @Test
  void clientAndStorageStatusComeFromTheDaemons() {
    assertEquals(Samples.CLIENT, console.clientStatus(Samples.CLIENT).name());
    assertEquals("test-sd", console.storageStatus(Samples.STORAGE).name());
    var dir = console.directorStatus();
    assertEquals(Samples.DIRECTOR, dir.name());
    assertEquals("9.6.7", dir.version());
  }

  @Test
  void unknownCommandQuotesTheDirector() {
    UnexpectedReplyException e =
        assertThrows(UnexpectedReplyException.class, () -> console.command("frobnicate"));
    assertTrue(e.getMessage().contains("frobnicate: is an invalid command"), e.getMessage());
  }

  /** Runs bconsole once, as a cross-check of what our client parsed. */
  static String bconsole(String command) throws Exception {
    Path conf = LAB.dir().resolve("bconsole.conf");
    Files.writeString(
        conf,
        "Director {\n  Name = \""
            + Samples.DIRECTOR
            + "\"\n  DIRport = "
            + LAB.samples().dirPort()
            + "\n  Address = 127.0.0.1\n  Password = \""
            + Samples.CONSOLE_PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"\n}\n");
    Path in = Files.writeString(LAB.dir().resolve("bconsole.in"), command + "\nquit\n");
    Process p =
        new ProcessBuilder("/usr/sbin/bconsole", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectInput(in.toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return out;
  }
}
