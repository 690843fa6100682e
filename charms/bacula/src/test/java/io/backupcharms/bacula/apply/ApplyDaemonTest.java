package io.backupcharms.bacula.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaLab;
import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.config.Console;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.FileDaemon;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.FileSet;
import io.backupcharms.bacula.config.Job;
import io.backupcharms.bacula.config.Level;
import io.backupcharms.bacula.console.ConsoleSettings;
import io.backupcharms.bacula.console.DirectorConsole;
import io.backupcharms.bacula.console.JobWait;
import io.backupcharms.bacula.console.JobWatcher;
import io.backupcharms.bacula.console.NativeDirector;
import io.backupcharms.bacula.console.RunRequest;
import io.backupcharms.bacula.console.UnexpectedReplyException;
import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.bacula.console.reply.JobStatus;
import io.backupcharms.bacula.render.BaculaRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Apply, reload and restart against real daemons. */
class ApplyDaemonTest {
  @RegisterExtension static final BaculaLab LAB = new BaculaLab();
  private static DirectorConsole console;
  private final ConfigApplier applier = new ConfigApplier();

  @BeforeAll
  static void connect() {
    console =
        DirectorConsole.connect(
            ConsoleSettings.of(
                BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD));
  }

  @AfterAll
  static void disconnect() {
    if (console != null) {
      console.close();
    }
  }

  private static Path live() {
    return LAB.config(Daemon.DIRECTOR);
  }

  @Test
  void failingBeforeScriptFailsTheJobAndTheAfterScriptStillRuns() throws Exception {
    Path marker = LAB.dir().resolve("after-ran");
    Files.deleteIfExists(marker);
    DirectorConfig c =
        LAB.directorConfig()
            .withJob(
                Samples.scriptedJob(
                    "scripted",
                    Samples.CLIENT,
                    Samples.CLIENT + "-fileset",
                    "/bin/false",
                    "/usr/bin/touch " + marker));
    assertEquals(ApplyResult.REPLACED, applier.applyDirector(c, live(), console));
    assertTrue(console.jobNames().contains("scripted"));
    long id = new NativeDirector(console).run(RunRequest.of("scripted").withLevel(Level.FULL));
    JobRecord r =
        new NativeDirector(console)
            .await(id, JobWait.upTo(Duration.ofSeconds(60)), JobWatcher.NONE);
    assertTrue(!r.status().isSuccess() && r.status().isTerminal(), "status " + r.status());
    assertTrue(Files.exists(marker), "the after-script ran although the job failed");
    console.messages();
  }

  @Test
  void reloadAfterAddingAClientMakesItUsable() {
    DirectorConfig c =
        LAB.directorConfig()
            .withClient(Samples.client("second-fd", BaculaLab.ADDRESS, LAB.samples().fdPort()))
            .withFileSet(FileSet.of("second-fileset", List.of("/etc/hostname"), List.of()))
            .withJob(
                Job.backup(
                    "second-backup",
                    "second-fd",
                    "second-fileset",
                    Samples.STORAGE,
                    "Default",
                    "Standard"));
    assertEquals(ApplyResult.REPLACED, applier.applyDirector(c, live(), console));
    assertTrue(console.clientNames().contains("second-fd"), console.clientNames().toString());
    // The FD only knows the Director by name and password, so a second Client entry works.
    long id = new NativeDirector(console).run(RunRequest.of("second-backup").withLevel(Level.FULL));
    JobRecord r =
        new NativeDirector(console)
            .await(id, JobWait.upTo(Duration.ofSeconds(60)), JobWatcher.NONE);
    assertEquals(JobStatus.OK, r.status(), console.messages());
    assertEquals("second-fd", r.client());
    assertEquals(List.of("/etc/hostname"), console.files(id));
    assertEquals(ApplyResult.UNCHANGED, applier.applyDirector(c, live(), console));
  }

  @Test
  void rejectedCandidateLeavesTheRunningDirectorWorking() throws Exception {
    applier.applyDirector(LAB.directorConfig(), live(), console);
    String before = Files.readString(live());
    List<String> jobs = console.jobNames();
    String broken =
        BaculaRenderer.render(
            LAB.directorConfig()
                .withJob(
                    Job.backup(
                        "broken",
                        Samples.CLIENT,
                        "no-such-fileset",
                        Samples.STORAGE,
                        "Default",
                        "Standard")));
    ConfigRejectedException e =
        assertThrows(
            ConfigRejectedException.class, () -> applier.apply(Daemon.DIRECTOR, live(), broken));
    assertTrue(e.daemonOutput().contains("no-such-fileset"), e.daemonOutput());
    assertEquals(before, Files.readString(live()));
    console.reload();
    assertEquals(jobs, console.jobNames());
    assertEquals(Samples.DIRECTOR, console.version().director());
  }

  @Test
  void fileDaemonRestartsOnlyWhenItsFileChangedAndComesBack() {
    Path fdFile = LAB.config(Daemon.FILE);
    RecordingServiceControl pidBased = new RecordingServiceControl(LAB.serviceControl());
    List<Daemon> restarted = pidBased.restarted();
    FileDaemonConfig same = LAB.samples().fileDaemonConfig();
    assertEquals(ApplyResult.UNCHANGED, applier.applyFileDaemon(same, fdFile, pidBased));
    FileDaemon fd = same.fileDaemon();
    FileDaemonConfig changed =
        new FileDaemonConfig(
            new FileDaemon(
                fd.name(),
                fd.address(),
                fd.port(),
                fd.workingDirectory(),
                fd.pidDirectory(),
                7,
                Duration.ofSeconds(30),
                null,
                null),
            same.directors(),
            same.messages());
    assertEquals(ApplyResult.REPLACED, applier.applyFileDaemon(changed, fdFile, pidBased));
    assertEquals(List.of(Daemon.FILE), restarted);
    assertEquals(Samples.CLIENT, console.clientStatus(Samples.CLIENT).name());
    applier.applyFileDaemon(same, fdFile, pidBased);
  }

  @Test
  void namedConsoleWithASpaceInItsNameAuthenticatesAfterReload() {
    DirectorConfig c =
        LAB.directorConfig()
            .withConsole(
                Console.of("ops team", "team-pw")
                    .withAcl(Console.Acl.COMMAND, List.of("version", ".clients"))
                    .withAcl(Console.Acl.CLIENT, List.of("*all*")));
    applier.applyDirector(c, live(), console);
    try (DirectorConsole team =
        DirectorConsole.connect(
            ConsoleSettings.of(BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD)
                .withConsole("ops team", "team-pw"))) {
      assertEquals(List.of(Samples.CLIENT), team.clientNames());
      assertThrows(UnexpectedReplyException.class, team::jobNames);
    }
  }

  @Test
  void consoleReconnectsAfterTheDirectorRestarts() {
    try (DirectorConsole c =
        DirectorConsole.connect(
            ConsoleSettings.of(
                BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD))) {
      assertTrue(c.jobNames().contains("test-fd-backup"));
      LAB.serviceControl().restart(Daemon.DIRECTOR);
      assertTrue(
          c.jobNames().contains("test-fd-backup"), "read-only command retried on a new connection");
      assertEquals(Samples.DIRECTOR, c.version().director());
    }
    // The shared console reconnects too.
    assertEquals(Samples.DIRECTOR, console.version().director());
  }
}
