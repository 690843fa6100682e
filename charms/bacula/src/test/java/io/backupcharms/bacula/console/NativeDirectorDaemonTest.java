package io.backupcharms.bacula.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaLab;
import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.Trees;
import io.backupcharms.bacula.config.JobType;
import io.backupcharms.bacula.config.Level;
import io.backupcharms.bacula.config.Replace;
import io.backupcharms.bacula.console.reply.JobProgress;
import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.bacula.console.reply.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The typed {@link Director} against real bacula-dir, bacula-sd and bacula-fd, in the order an
 * operator works.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NativeDirectorDaemonTest {
  @RegisterExtension static final BaculaLab LAB = new BaculaLab();
  private static final String BACKUP = Samples.CLIENT + "-backup";
  private static final String RESTORE = Samples.CLIENT + "-restore";
  private static final JobWait WAIT =
      new JobWait(Duration.ofMillis(250), Duration.ZERO, Duration.ofSeconds(60));
  private static Director director;
  private static long full;
  private static long incremental;

  @BeforeAll
  static void connect() throws Exception {
    director =
        NativeDirector.connect(
            ConsoleSettings.of(
                BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD));
    Trees.delete(LAB.data());
    Files.createDirectories(LAB.data());
    Trees.populate(LAB.data());
  }

  @AfterAll
  static void disconnect() {
    if (director != null) {
      director.close();
    }
  }

  @Test
  @Order(1)
  void aBackupRunsAndItsWaitHearsTheJobUntilItEnds() throws Exception {
    List<String> heard = new ArrayList<>();
    full = director.run(RunRequest.of(BACKUP).withLevel(Level.FULL));
    JobRecord job =
        director.await(
            full,
            WAIT,
            new JobWatcher() {
              @Override
              public void statusChanged(JobRecord j) {
                heard.add("status " + j.status());
              }

              @Override
              public void stillRunning(JobRecord j, Optional<JobProgress> progress) {
                heard.add("running");
              }
            });
    assertEquals(JobStatus.OK, job.status(), String.join("\n", director.log(full)));
    assertFalse(heard.isEmpty(), "the watcher heard the job before it ended");
    assertEquals(full, job.jobId());
    assertEquals(BACKUP, job.name());
    assertTrue(job.job().startsWith(BACKUP + "."), job.job());
    assertEquals("B", job.type());
    assertTrue(job.isBackup() && job.isGood());
    assertEquals("Full", job.levelName());
    assertEquals(Samples.CLIENT, job.client());
    assertEquals(Samples.CLIENT + "-fileset", job.fileSet());
    assertTrue(job.files() >= 12 && job.bytes() > 200_000, job.toString());
    assertTrue(job.duration().isPresent() && !job.duration().get().isNegative(), job.toString());
    assertTrue(job.startInstant().isAfter(Instant.EPOCH), job.toString());

    Files.writeString(LAB.data().resolve("new file.txt"), "new");
    incremental = director.run(RunRequest.of(BACKUP).withLevel(Level.INCREMENTAL));
    assertEquals(JobStatus.OK, director.await(incremental, WAIT, JobWatcher.NONE).status());
  }

  @Test
  @Order(2)
  void theCatalogListsTheBackupsNewestFirst() {
    assertEquals(
        List.of(incremental, full),
        director.backups(Optional.of(Samples.CLIENT), 5).stream().map(JobRecord::jobId).toList());
    assertEquals(
        List.of(incremental),
        director.backups(Optional.empty(), 1).stream().map(JobRecord::jobId).toList());
    assertEquals(List.of(), director.backups(Optional.of("nobody-fd"), 5));
    assertEquals(incremental, director.latestGoodBackup(Samples.CLIENT).orElseThrow().jobId());
    assertEquals(incremental, director.lastBackups().get(Samples.CLIENT).jobId());
    assertEquals(incremental, director.lastGoodBackups().get(Samples.CLIENT).jobId());
    assertEquals(incremental, director.lastEnded(JobType.BACKUP).get(Samples.CLIENT).jobId());
    assertEquals(
        List.of("Full", "Incremental"),
        director.lastGoodOfEachLevel().stream().map(JobRecord::levelName).sorted().toList());
    assertTrue(
        director.catalogClients().contains(Samples.CLIENT), director.catalogClients().toString());
    assertEquals(Optional.empty(), director.job(999_999));
    assertTrue(
        director.log(full).stream()
            .anyMatch(l -> l.contains("Termination:") && l.contains("Backup OK")),
        director.log(full).toString());
    assertEquals(
        List.of(List.of("2")),
        director.select("COUNT(*) FROM Job WHERE Type = 'B'", 1).stream()
            .map(r -> List.of(r.get(0).strip()))
            .toList());
  }

  @Test
  @Order(3)
  void theChainOfTheIncrementalRestoresTheWholeTreeOntoAnotherDirectory() throws Exception {
    List<Long> chain = director.restoreChain(incremental);
    assertEquals(List.of(full, incremental), chain);
    Path where = LAB.dir().resolve("restores/chain");
    long id =
        director.restore(
            RestoreRequest.ofJobs(chain, Samples.CLIENT)
                .withRestoreJob(RESTORE)
                .withRestoreClient(Samples.CLIENT)
                .withWhere(where.toString())
                .withReplace(Replace.ALWAYS));
    JobRecord restore = director.await(id, WAIT, JobWatcher.NONE);
    assertEquals(JobStatus.OK, restore.status(), String.join("\n", director.log(id)));
    assertEquals("R", restore.type());
    assertEquals(
        Trees.describe(LAB.data()), Trees.describe(Path.of(where + LAB.data().toString())));
  }

  @Test
  @Order(4)
  void aSelectionRestoresOnlyThoseFilesAndDirectories() throws Exception {
    List<Long> chain = director.restoreChain(incremental);
    // run.sh has no hard links: a hard link restored alone lacks the data its first name holds.
    long script =
        id(
            "f.FileId FROM File f JOIN Path p ON p.PathId = f.PathId JOIN Filename n"
                + " ON n.FilenameId = f.FilenameId WHERE f.JobId = "
                + full
                + " AND p.Path = '"
                + LAB.data()
                + "/' AND n.Name = 'run.sh'");
    long deeper = id("PathId FROM Path WHERE Path = '" + LAB.data() + "/sub/deeper/'");
    Path where = LAB.dir().resolve("restores/some");
    long id =
        director.restore(
            RestoreRequest.ofJobs(chain, Samples.CLIENT)
                .withRestoreJob(RESTORE)
                .withWhere(where.toString())
                .withReplace(Replace.ALWAYS)
                .withSelection(new RestoreRequest.Selection(List.of(script), List.of(deeper))));
    JobRecord restore = director.await(id, WAIT, JobWatcher.NONE);
    assertEquals(JobStatus.OK, restore.status(), String.join("\n", director.log(id)));
    Path root = Path.of(where + LAB.data().toString());
    assertEquals("#!/bin/sh\necho hi\n", Files.readString(root.resolve("run.sh")));
    assertEquals(200_000, Files.size(root.resolve("sub/deeper/big.dat")));
    assertFalse(Files.exists(root.resolve("plain.txt")), "a file not selected stays out");
    assertFalse(Files.exists(root.resolve("new file.txt")), "a file not selected stays out");
    assertTrue(
        director.select("name FROM sqlite_master WHERE name LIKE 'b2%'", 1).isEmpty(),
        "the selection's table is dropped");
  }

  @Test
  @Order(5)
  void refusalsQuoteTheDirector() {
    // A session of its own: after a refused command the Director's later answers on that
    // session arrived one command late, so the shared session must not see one.
    try (Director refused =
        NativeDirector.connect(
            ConsoleSettings.of(
                BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD))) {
      UnexpectedReplyException noJob =
          assertThrows(UnexpectedReplyException.class, () -> refused.restoreChain(999_999));
      assertTrue(
          noJob.directorText().contains("No Job found for JobId 999999"), noJob.getMessage());
    }
    try (Director refused =
        NativeDirector.connect(
            ConsoleSettings.of(
                BaculaLab.ADDRESS, LAB.samples().dirPort(), Samples.CONSOLE_PASSWORD))) {
      // Whether the Director signals the failure or only prints it, the error quotes it.
      ConsoleException notQueued =
          assertThrows(ConsoleException.class, () -> refused.run(RunRequest.of("no-such-job")));
      assertTrue(notQueued.getMessage().contains("no-such-job"), notQueued.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class, () -> director.backups(Optional.of("x' OR '1'='1"), 1));
    assertThrows(
        IllegalArgumentException.class, () -> director.markVolumeUsed("Vol-1 volstatus=Purged"));
  }

  @Test
  @Order(8)
  void aVolumeMarkedUsedTakesNoMoreJobs() {
    String volume =
        director.select("VolumeName FROM Media WHERE VolStatus = 'Append'", 1).get(0).get(0);
    director.markVolumeUsed(volume);
    assertEquals(
        List.of(List.of("Used")),
        director.select("VolStatus FROM Media WHERE VolumeName = '" + volume + "'", 1));
  }

  @Test
  @Order(7)
  void aWaitThatTimesOutSaysTheJobGoesOn() {
    long id = director.run(RunRequest.of(BACKUP).withLevel(Level.FULL));
    JobNotEndedException e =
        assertThrows(
            JobNotEndedException.class,
            () ->
                director.await(
                    id,
                    new JobWait(Duration.ofMillis(10), Duration.ZERO, Duration.ZERO),
                    JobWatcher.NONE));
    assertEquals(id, e.jobId());
    assertFalse(e.isInterrupted());
    assertTrue(director.await(id, WAIT, JobWatcher.NONE).status().isTerminal());
  }

  private static long id(String query) {
    List<List<String>> rows = director.select(query, 1);
    assertEquals(1, rows.size(), query + ": " + rows);
    return Long.parseLong(rows.get(0).get(0).strip());
  }
}
