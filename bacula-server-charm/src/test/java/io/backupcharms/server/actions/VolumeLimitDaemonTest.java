package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.server.config.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code max-volumes} with real daemons: a pool of two 1 MiB volumes holds one backup of 1.5 MiB;
 * the next one finds no room, fails after {@code volume-wait} saying why, and the first backup
 * still restores.
 */
class VolumeLimitDaemonTest {

  @TempDir static Path root;
  static LoopbackBacula bacula;
  static ServerActions actions;
  static final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    ServerSettings d = ServerSettings.DEFAULTS;
    ServerSettings limited =
        new ServerSettings(
            d.fileRetention(),
            d.jobRetention(),
            d.volumeRetention(),
            1L << 20,
            d.maxConcurrentJobs(),
            1L << 20,
            d.maxRunsPerDay(),
            2,
            Duration.ofSeconds(15),
            List.of());
    bacula = new LoopbackBacula(root, limited);
    actions = bacula.actions();
  }

  @AfterAll
  static void stop() throws Exception {
    if (bacula != null) {
      bacula.close();
    }
  }

  @Test
  void aBackupFindingThePoolFullFailsSayingWhyAndTheEarlierBackupStillRestores() throws Exception {
    byte[] noise = new byte[3 << 19];
    new Random(7).nextBytes(noise);
    Files.write(bacula.data.resolve("noise.bin"), noise);
    Map<String, Object> first =
        actions.runBackup(Map.of("client", "myapp/0", "level", "Full"), log::add);
    assertEquals("success", first.get("status"), first.toString());

    ActionFailedException e =
        assertThrows(
            ActionFailedException.class,
            () -> actions.runBackup(Map.of("client", "myapp/0", "level", "Full"), log::add));
    assertTrue(e.getMessage().contains("Max wait time exceeded"), e.getMessage());
    assertTrue(
        e.getMessage().contains("max-volumes limit is reached: nothing was overwritten"),
        e.getMessage());
    try (var volumes = Files.list(bacula.volumes())) {
      assertEquals(2, volumes.count(), "no third volume is made");
    }

    Path where = Files.createDirectories(root.resolve("restored"));
    Map<String, Object> restored =
        actions.restore(
            Map.of(
                "client", "myapp/0", "where", where.toString(), "backup-id", first.get("job-id")),
            log::add);
    assertEquals("success", restored.get("status"), restored.toString());
    Path back = where.resolve(bacula.data.toString().substring(1)).resolve("noise.bin");
    assertTrue(Arrays.equals(noise, Files.readAllBytes(back)), "the first backup is intact");
  }
}
