package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.server.metrics.CatalogFacts;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} on real daemons: a healthy backup verifies; one damaged byte of its volume fails it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyDaemonTest {

  @TempDir static Path root;
  static LoopbackBacula bacula;
  static ServerActions actions;
  static String backupId;

  @BeforeAll
  static void start() throws Exception {
    bacula = new LoopbackBacula(root);
    actions = bacula.actions();
    byte[] noise = new byte[1 << 20];
    new Random(11).nextBytes(noise);
    Files.write(bacula.data.resolve("noise.bin"), noise);
    Map<String, Object> full = actions.runBackup(Map.of("client", "myapp/0", "level", "Full"), l -> { });
    assertEquals("success", full.get("status"), full.toString());
    backupId = (String) full.get("job-id");
  }

  @AfterAll
  static void stop() throws Exception {
    if (bacula != null) {
      bacula.close();
    }
  }

  @Test
  @Order(1)
  void aHealthyBackupVerifiesAndTheCatalogSaysSo() throws Exception {
    Map<String, Object> r = actions.verify(Map.of("client", "myapp/0"), l -> { });
    assertEquals("success", r.get("status"), r.toString());
    assertEquals(backupId, r.get("backup-id"), "the latest good backup by default");
    try (ConsoleSession c = bacula.console()) {
      CatalogFacts facts = CatalogFacts.read(new DirectorJobs(c));
      assertTrue(facts.lastVerify().get(LoopbackBacula.CLIENT).isGood(), facts.toString());
    }
  }

  @Test
  @Order(2)
  void oneDamagedByteOfTheVolumeFailsTheVerifySayingSo() throws Exception {
    Path volume;
    try (Stream<Path> files = Files.list(bacula.volumes())) {
      volume = files.filter(Files::isRegularFile).max((a, b) -> Long.compare(a.toFile().length(),
          b.toFile().length())).orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(volume.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0xff);
    }
    ActionFailedException e = assertThrows(ActionFailedException.class,
        () -> actions.verify(Map.of("client", "myapp/0", "backup-id", Long.parseLong(backupId)), l -> { }));
    assertTrue(e.getMessage().contains("does not read back as the catalog records it"), e.getMessage());
    try (ConsoleSession c = bacula.console()) {
      CatalogFacts facts = CatalogFacts.read(new DirectorJobs(c));
      assertFalse(facts.lastVerify().get(LoopbackBacula.CLIENT).isGood(), "the metric will say 0: " + facts);
    }
  }
}
