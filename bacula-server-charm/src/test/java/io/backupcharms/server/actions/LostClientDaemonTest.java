package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.console.DirectorConsole;
import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.Clients;
import io.backupcharms.server.clients.FdNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client whose unit is gone, on real Bacula daemons: myapp/0 is backed up, then leaves the
 * Director's clients (only a bare Client resource stays, as the charm keeps one); its backups are
 * listed and restored onto myapp/1's File Daemon, whole or some paths only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LostClientDaemonTest {

  static final String UUID = "3f2a9c1e-0000-4000-8000-1a2b3c4d5e6f";

  @TempDir static Path root;
  static LoopbackBacula bacula;
  static ServerActions actions;

  @BeforeAll
  static void backUpThenLoseTheClient() throws Exception {
    bacula = new LoopbackBacula(root);
    Files.createDirectories(bacula.data.resolve("a/sub"));
    Files.writeString(bacula.data.resolve("a/one.txt"), "one\n");
    Files.writeString(bacula.data.resolve("a/sub/two.txt"), "two\n");
    Files.writeString(bacula.data.resolve("a/gone.txt"), "deleted before the Incremental\n");
    Files.writeString(bacula.data.resolve("b.txt"), "b\n");
    Files.writeString(bacula.data.resolve("c.txt"), "deleted before the Incremental\n");
    ServerActions before = actions(List.of(bacula.client, bacula.target), ClientHistory.EMPTY);
    before.runBackup(Map.of("client", "myapp/0", "level", "Full"), s -> {});
    Files.delete(bacula.data.resolve("c.txt"));
    Files.delete(bacula.data.resolve("a/gone.txt"));
    Files.writeString(bacula.data.resolve("b.txt"), "b, second version\n");
    before.runBackup(Map.of("client", "myapp/0", "level", "Incremental"), s -> {});

    FdNames names = new FdNames("lab", UUID);
    ClientHistory history =
        ClientHistory.EMPTY.withClients(List.of(bacula.client, bacula.target), names);
    bacula.reconfigure(List.of(bacula.target), history.notIn(List.of(bacula.target)));
    actions = actions(List.of(bacula.target), history);
  }

  static ServerActions actions(List<ClientSpec> ready, ClientHistory history) {
    Clients clients = new Clients(ready, List.of(), List.of());
    ClientSelector selector = new ClientSelector(ready, history.notIn(ready), "lab", UUID);
    return new ServerActions(
            clients,
            history,
            selector,
            bacula::restartStoppedDaemons,
            bacula::console,
            client -> Optional.of("client-pw"),
            Duration.ofMillis(250),
            Duration.ofSeconds(5))
        // The lab restores into JUnit's private directories, which sit under /tmp.
        .withRestorePlaces(where -> new RestorePlace(where, Optional.empty()));
  }

  @AfterAll
  static void stop() {
    if (bacula != null) {
      bacula.close();
    }
  }

  @Test
  @Order(1)
  void listClientsShowsTheGoneClientWithItsLastGoodBackup() {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> clients =
        (Map<String, Map<String, Object>>) actions.listClients().get("clients");
    Map<String, Object> gone = clients.get("myapp-0");
    assertEquals("gone", gone.get("state"), clients.toString());
    assertEquals("myapp", gone.get("application"));
    assertEquals(LoopbackBacula.CLIENT, gone.get("name"));
    @SuppressWarnings("unchecked")
    Map<String, String> good = (Map<String, String>) gone.get("last-good-backup");
    assertEquals("Incremental", good.get("level"), gone.toString());
    assertEquals("active", clients.get("myapp-1").get("state"));
  }

  @Test
  @Order(2)
  void listBackupsFindsTheGoneClientByItsOldUnit() {
    Map<String, Object> listed = actions.listBackups(Map.of("client", "myapp/0"));
    assertEquals("2", listed.get("count"));
    ((Map<?, ?>) listed.get("backups"))
        .values()
        .forEach(
            b ->
                assertEquals(
                    "myapp/0",
                    ((Map<?, ?>) b).get("client"),
                    "a gone client's backups still name its unit: " + b));
  }

  @Test
  @Order(3)
  void withoutATargetTheRestoreSaysWhichUnitsCanReceiveIt() {
    var e =
        assertThrows(
            InvalidParamsException.class,
            () -> actions.restore(Map.of("client", "myapp/0"), s -> {}));
    assertTrue(e.getMessage().contains("has no related unit now"), e.getMessage());
    assertTrue(e.getMessage().contains("related now: myapp/1"), e.getMessage());
  }

  @Test
  @Order(4)
  void theGoneClientsBackupIsRestoredOntoTheOtherUnitWithTheTargetsScripts() throws IOException {
    Path where = root.resolve("whole");
    Map<String, Object> r =
        actions.restore(
            Map.of("client", "myapp/0", "target", "myapp/1", "where", where.toString()), s -> {});
    assertEquals("success", r.get("status"), r.toString());
    assertEquals("myapp/0", r.get("client"));
    assertEquals("myapp/1", r.get("target"));
    assertEquals(LoopbackBacula.TARGET, r.get("target-name"));
    assertEquals(List.of("a", "a/one.txt", "a/sub", "a/sub/two.txt", "b.txt"), tree(where));
    assertEquals("b, second version\n", Files.readString(restored(where).resolve("b.txt")));
    assertTrue(
        Files.exists(root.resolve("target-after-restore-ran")), "the target's after-restore ran");
    assertFalse(Files.exists(root.resolve("after-restore-ran")), "not the gone client's script");
  }

  @Test
  @Order(5)
  void pathsRestoreExactlyThoseFilesAndDirectories() throws IOException {
    Path where = root.resolve("some");
    Map<String, Object> r =
        actions.restore(
            Map.of(
                "client",
                "myapp/0",
                "target",
                "myapp/1",
                "where",
                where.toString(),
                "paths",
                bacula.data + "/a/sub," + bacula.data + "/b.txt"),
            s -> {});
    assertEquals("success", r.get("status"), r.toString());
    assertEquals(
        List.of("a", "a/sub", "a/sub/two.txt", "b.txt"),
        tree(where),
        "a/one.txt is not asked for; a is only the parent of a/sub");
  }

  @Test
  @Order(6)
  void aDirectoryIsRestoredWithoutTheFilesDeletedBeforeTheBackup() throws IOException {
    Path where = root.resolve("dir");
    actions.restore(
        Map.of(
            "client",
            "myapp/0",
            "target",
            "myapp/1",
            "where",
            where.toString(),
            "paths",
            bacula.data + "/a"),
        s -> {});
    assertEquals(List.of("a", "a/one.txt", "a/sub", "a/sub/two.txt"), tree(where));
  }

  @Test
  @Order(7)
  void aPathNotInTheBackupFailsBeforeAnyJobNamingThePath() {
    String jobsBefore = jobList();
    String deleted = bacula.data + "/c.txt";
    String never = bacula.data + "/never/was";
    var e =
        assertThrows(
            InvalidParamsException.class,
            () ->
                actions.restore(
                    Map.of(
                        "client",
                        "myapp/0",
                        "target",
                        "myapp/1",
                        "paths",
                        deleted + "," + bacula.data + "/b.txt," + never),
                    s -> {}));
    assertTrue(
        e.getMessage().startsWith("paths " + deleted + ", " + never + " are not in backup "),
        e.getMessage());
    assertEquals(jobsBefore, jobList(), "no job ran");
  }

  private static String jobList() {
    try (DirectorConsole c = bacula.rawConsole()) {
      return c.command("list jobs");
    }
  }

  private static Path restored(Path where) {
    return Path.of(where + bacula.data.toString());
  }

  /** Every path restored under {@code where}, relative to the backed-up directory, sorted. */
  private static List<String> tree(Path where) throws IOException {
    Path base = restored(where);
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(p -> !p.equals(base))
          .map(p -> base.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
