package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.Clients;
import io.backupcharms.server.config.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The actions against real Bacula daemons on loopback, in the order an operator uses them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerActionsDaemonTest {

  @TempDir static Path root;
  static LoopbackBacula bacula;
  static ServerActions actions;
  // Written by the action's progress callback and read by the test's killer thread.
  static final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    bacula = new LoopbackBacula(root);
    Clients clients = new Clients(List.of(bacula.client), List.of(), List.of());
    ClientSelector selector =
        new ClientSelector(clients.ready(), "lab", "3f2a9c1e-0000-4000-8000-1a2b3c4d5e6f");
    actions =
        new ServerActions(
                clients,
                ClientHistory.EMPTY,
                selector,
                bacula::restartStoppedDaemons,
                bacula::console,
                client -> Optional.of("client-pw"),
                Duration.ofMillis(250),
                Duration.ofMillis(700))
            // The lab restores into JUnit's private directories, which sit under /tmp.
            .withRestorePlaces(where -> new RestorePlace(where, Optional.empty()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (bacula != null) {
      bacula.close();
    }
  }

  @Test
  @Order(1)
  void aFullBackupReportsItsJob() throws Exception {
    Files.writeString(bacula.data.resolve("a.txt"), "first version\n");
    Files.writeString(bacula.data.resolve("b.txt"), "stays\n");
    Map<String, Object> r =
        actions.runBackup(Map.of("client", "myapp/0", "level", "Full"), log::add);
    assertEquals("success", r.get("status"));
    assertEquals("Full", r.get("level"));
    assertEquals("myapp/0", r.get("client"), "the unit, as client= takes it");
    assertTrue(((String) r.get("client-name")).endsWith("-fd"), r.toString());
    assertEquals("3", r.get("files"), r.toString());
    assertTrue(log.stream().anyMatch(l -> l.matches("job \\d+ queued")), log.toString());
  }

  @Test
  @Order(2)
  void aFailingBeforeScriptFailsTheBackupWithItsMessage() throws Exception {
    bacula.script("before-backup", "#!/bin/sh\necho 'dump failed: disk full' >&2\nexit 3\n");
    var e =
        assertThrows(
            ActionFailedException.class,
            () -> actions.runBackup(Map.of("client", "myapp/0"), log::add));
    assertTrue(e.getMessage().contains("dump failed: disk full"), e.getMessage());
    assertEquals("failed", e.results().get("status"));
    bacula.script("before-backup", "#!/bin/sh\nexit 0\n");
  }

  @Test
  @Order(3)
  void aLongBackupReportsProgressWhileItRuns() throws Exception {
    bacula.script("before-backup", "#!/bin/sh\nsleep 2\n");
    log.clear();
    actions.runBackup(Map.of("client", "myapp/0", "level", "Differential"), log::add);
    assertTrue(
        log.stream().anyMatch(l -> l.matches("job \\d+ is running: \\d+ files, \\d+ bytes so far")),
        log.toString());
    bacula.script("before-backup", "#!/bin/sh\nexit 0\n");
  }

  @Test
  @Order(4)
  void anIncrementalThenARestoreReproducesTheLastBackup() throws Exception {
    Files.writeString(bacula.data.resolve("a.txt"), "second version\n");
    Files.writeString(bacula.data.resolve("c.txt"), "new\n");
    Files.delete(bacula.data.resolve("b.txt"));
    Map<String, Object> inc = actions.runBackup(Map.of("client", "myapp/0"), log::add);
    assertEquals("Incremental", inc.get("level"));

    Files.writeString(bacula.data.resolve("a.txt"), "lost change\n");
    Files.delete(bacula.data.resolve("c.txt"));
    Map<String, Object> r = actions.restore(Map.of("client", "myapp/0"), log::add);
    assertEquals("success", r.get("status"), r.toString());
    assertEquals(inc.get("job-id"), r.get("backup-id"));
    assertEquals("second version\n", Files.readString(bacula.data.resolve("a.txt")));
    assertEquals("new\n", Files.readString(bacula.data.resolve("c.txt")));
    assertTrue(
        Files.notExists(bacula.data.resolve("b.txt")), "deleted before the backup: stays deleted");
    assertTrue(
        Files.exists(bacula.root.resolve("after-restore-ran")), "the after-restore script ran");
  }

  @Test
  @Order(5)
  void aRestoreOfTheFullElsewhere() throws Exception {
    Path where = Files.createDirectories(root.resolve("elsewhere"));
    String fullId = (String) firstBackup().get("job-id");
    Map<String, Object> r =
        actions.restore(
            Map.of("client", "myapp/0", "backup-id", fullId, "where", where.toString()), log::add);
    assertEquals("success", r.get("status"));
    Path restored = Path.of(where + bacula.data.toString());
    assertEquals("first version\n", Files.readString(restored.resolve("a.txt")));
    assertEquals("stays\n", Files.readString(restored.resolve("b.txt")));
  }

  @Test
  @Order(6)
  void listingsShowTheBackupsAndTheClient() {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> backups =
        (Map<String, Map<String, String>>)
            actions.listBackups(Map.of("client", "myapp/0")).get("backups");
    assertEquals(4, backups.size(), backups.toString());
    assertEquals(
        List.of("success", "success", "failed", "success"),
        backups.values().stream().map(b -> b.get("status")).toList(),
        "newest first");
    assertEquals(
        List.of("myapp/0"),
        backups.values().stream().map(b -> b.get("client")).distinct().toList(),
        "each backup names the unit it belongs to");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> clients =
        (Map<String, Map<String, String>>) actions.listClients().get("clients");
    Map<String, String> entry = clients.get("myapp-0");
    assertEquals(bacula.address + ":9102", entry.get("address"));
    assertEquals("manual only", entry.get("schedule"));
    assertTrue(entry.get("last-backup").contains("Incremental, success"), entry.toString());
  }

  @Test
  @Order(7)
  void aFailedBackupCannotBeRestored() {
    String failedId =
        (String)
            ((Map<?, ?>)
                    ((Map<?, ?>) actions.listBackups(Map.of()).get("backups"))
                        .values().stream()
                            .filter(b -> "failed".equals(((Map<?, ?>) b).get("status")))
                            .findFirst()
                            .orElseThrow())
                .get("job-id");
    var e =
        assertThrows(
            InvalidParamsException.class,
            () -> actions.restore(Map.of("client", "myapp/0", "backup-id", failedId), log::add));
    assertTrue(e.getMessage().contains("did not succeed (failed)"), e.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstBackup() {
    Map<String, Object> backups =
        (Map<String, Object>) actions.listBackups(Map.of()).get("backups");
    List<Object> all = new ArrayList<>(backups.values());
    return (Map<String, Object>) all.get(all.size() - 1);
  }

  @Test
  @Order(8)
  void aBackupOnANearlyFullVolumeDiskFailsBeforeWritingAndTheOthersStayRestorable()
      throws Exception {
    int before =
        ((Map<?, ?>) actions.listBackups(Map.of("client", "myapp/0")).get("backups")).size();
    bacula.reconfigureWithMinFreeSpace(Long.MAX_VALUE / 2);
    try {
      var e =
          assertThrows(
              ActionFailedException.class,
              () -> actions.runBackup(Map.of("client", "myapp/0", "level", "Full"), log::add));
      assertTrue(
          e.getMessage()
              .contains(
                  "bytes are free on the disk of " + bacula.volumes() + ", under min-free-space"),
          e.getMessage());
      assertTrue(
          e.getMessage().contains("nothing was written and every existing backup is intact"),
          e.getMessage());
    } finally {
      bacula.reconfigureWithMinFreeSpace(ServerSettings.DEFAULTS.minFreeBytes());
    }
    Map<?, ?> after = (Map<?, ?>) actions.listBackups(Map.of("client", "myapp/0")).get("backups");
    assertEquals(
        before + 1, after.size(), "the refused job is listed, failed; the others are still there");
    Path where = Files.createDirectories(root.resolve("after-full-disk"));
    Map<String, Object> restored =
        actions.restore(Map.of("client", "myapp/0", "where", where.toString()), log::add);
    assertEquals("success", restored.get("status"), restored.toString());
  }

  @Test
  @Order(9)
  void aStorageDaemonKilledDuringABackupFailsThatBackupAndTheNextOneSucceeds() throws Exception {
    bacula.script("before-backup", "#!/bin/sh\nsleep 3\n");
    // Cleared before the killer starts: a "job N is running" line of an earlier test would make it
    // kill the Storage Daemon before this job exists, and the action would start it again.
    log.clear();
    // Kill the Storage Daemon once the job runs (its before-script sleeps), not on a fixed timer:
    // on a loaded machine the Director may take longer than any timer to start the job.
    var killer =
        new Thread(
            () -> {
              try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (log.stream().noneMatch(l -> l.matches("job \\d+ is running"))
                    && System.nanoTime() < deadline) {
                  Thread.sleep(50);
                }
                Thread.sleep(500);
                bacula.killStorageDaemon();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    killer.start();
    long start = System.nanoTime();
    var e =
        assertThrows(
            ActionFailedException.class,
            () -> actions.runBackup(Map.of("client", "myapp/0", "level", "Full"), log::add));
    killer.join();
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60, "failed promptly");
    assertTrue(e.getMessage().contains("failed"), e.getMessage());
    assertTrue(
        log.stream().anyMatch(l -> l.startsWith("started bacula-sd, which had stopped")),
        log.toString());
    bacula.script("before-backup", "#!/bin/sh\nexit 0\n");
    assertEquals("success", actions.runBackup(Map.of("client", "myapp/0"), log::add).get("status"));
  }

  @Test
  @Order(10)
  void aFileDaemonWithAStalePasswordFailsAtOnceSayingWhatToWaitFor() {
    Clients clients = new Clients(List.of(bacula.client), List.of(), List.of());
    ClientSelector selector =
        new ClientSelector(clients.ready(), "lab", "3f2a9c1e-0000-4000-8000-1a2b3c4d5e6f");
    ServerActions stale =
        new ServerActions(
            clients,
            ClientHistory.EMPTY,
            selector,
            bacula::restartStoppedDaemons,
            bacula::console,
            client -> Optional.of("rotated-pw"),
            Duration.ofMillis(250),
            Duration.ofMillis(700));
    var e =
        assertThrows(
            ActionFailedException.class,
            () -> stale.runBackup(Map.of("client", "myapp/0"), log::add));
    assertTrue(
        e.getMessage()
            .startsWith(
                "the File Daemon of myapp/0 ("
                    + LoopbackBacula.CLIENT
                    + ") at "
                    + bacula.address
                    + ":9102 refused the Director's password; nothing was run"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("rotated-pw"), e.getMessage());
  }

  @Test
  @Order(11)
  void anUnreachableFileDaemonFailsAtOnceInsteadOfAfterTheDirectorsTimeout() throws Exception {
    bacula.stopFileDaemon();
    long start = System.nanoTime();
    var e =
        assertThrows(
            ActionFailedException.class,
            () -> actions.runBackup(Map.of("client", "myapp/0"), log::add));
    assertTrue(
        e.getMessage()
            .startsWith(
                "the File Daemon of myapp/0 ("
                    + LoopbackBacula.CLIENT
                    + ") at "
                    + bacula.address
                    + ":9102 does not answer (Connection refused); nothing was run"),
        e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
  }
}
