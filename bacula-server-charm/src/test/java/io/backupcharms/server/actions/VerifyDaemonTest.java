package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.JobWait;
import io.backupcharms.bacula.console.JobWatcher;
import io.backupcharms.bacula.console.RunRequest;
import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.server.config.DeepVerifyJob;
import io.backupcharms.server.metrics.CatalogFacts;
import io.backupcharms.server.metrics.ExporterConfig;
import io.backupcharms.server.metrics.ExporterMain;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
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

/**
 * {@code verify} on real daemons: a healthy backup verifies; one damaged byte of its volume fails
 * it, and a real Prometheus, scraping the exporter with the charm's alert rules, fires VerifyFailed
 * for the client.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyDaemonTest {

  @TempDir static Path root;
  static LoopbackBacula bacula;
  static ServerActions actions;
  static String backupId;
  static HTTPServer exporter;
  static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws Exception {
    bacula = new LoopbackBacula(root);
    actions = bacula.actions();
    byte[] noise = new byte[1 << 20];
    new Random(11).nextBytes(noise);
    Files.write(bacula.data.resolve("noise.bin"), noise);
    // Names a deep verify must carry through the job log and the catalog unchanged.
    Files.writeString(bacula.data.resolve("two words\nand a newline.txt"), "awkward\n");
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "printf 'latin-1\\n' > \"$(printf '" + bacula.data + "/caf\\351.txt')\"")
            .inheritIO()
            .start();
    assertEquals(0, p.waitFor(), "a file whose name is not UTF-8");
    Map<String, Object> full =
        actions.runBackup(Map.of("client", "myapp/0", "level", "Full"), l -> {});
    assertEquals("success", full.get("status"), full.toString());
    backupId = (String) full.get("job-id");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    exporter =
        ExporterMain.serve(
            new ExporterConfig(
                "127.0.0.1",
                port,
                bacula.address,
                9101,
                bacula.consolePassword,
                bacula.volumes().toString(),
                "",
                1L << 20,
                List.of(new ExporterConfig.ClientLabels(LoopbackBacula.CLIENT, "myapp/0", 0)),
                "",
                0,
                0));
    prometheus =
        new PrometheusServer(
            Files.createDirectories(root.resolve("prometheus")),
            "127.0.0.1:" + port,
            List.of(Path.of("src/charm/src/prometheus_alert_rules/bacula.rules")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (exporter != null) {
      exporter.close();
    }
    if (bacula != null) {
      bacula.close();
    }
  }

  @Test
  @Order(1)
  void aHealthyBackupVerifiesAndTheCatalogSaysSo() throws Exception {
    Map<String, Object> r = actions.verify(Map.of("client", "myapp/0"), l -> {});
    assertEquals("success", r.get("status"), r.toString());
    assertEquals(backupId, r.get("backup-id"), "the latest good backup by default");
    try (Director c = bacula.console()) {
      CatalogFacts facts = CatalogFacts.read(c);
      assertTrue(facts.lastVerify().get(LoopbackBacula.CLIENT).isGood(), facts.toString());
    }
    JsonNode good =
        prometheus.await(
            "bacula_client_last_verify_success{unit=\"myapp/0\"} == 1", Duration.ofSeconds(40));
    assertEquals(1, good.size(), "the good verify shows: " + good);
    assertEquals(
        0,
        prometheus.query("ALERTS{alertname=\"VerifyFailed\"}").size(),
        "a healthy backup fires nothing");
  }

  @Test
  @Order(2)
  void aVerifyRunAsVerifyScheduleRunsItReadsTheNewestGoodBackup() throws Exception {
    try (Director c = bacula.console()) {
      // No jobid, as a Schedule starts it: the Job's Verify Job names the backup Job to read.
      long id = c.run(RunRequest.of(bacula.client.verifyJob()));
      JobRecord job = c.await(id, JobWait.upTo(Duration.ofMinutes(1)), JobWatcher.NONE);
      assertTrue(job.isGood(), "the scheduled verify succeeds: " + job);
      String log = String.join("\n", c.log(id));
      assertTrue(
          log.contains("Verifying against JobId=" + backupId + " "),
          "the newest good backup: " + log);
    }
  }

  @Test
  @Order(3)
  void aDeepVerifyRestoresOnTheClientComparesEveryFileAndLeavesNothingBehind() throws Exception {
    Map<String, Object> r = actions.verify(Map.of("client", "myapp/0", "deep", true), l -> {});
    assertEquals("success", r.get("deep"), r.toString());
    assertEquals("3", r.get("deep-files"), "noise.bin and the two awkward names: " + r);
    assertFalse(
        Files.exists(Path.of(DeepVerifyJob.directory(bacula.client.stem()))),
        "the restored copy is removed");
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(DeepVerifyJob.PARENT))),
        "only root may enter the parent");
  }

  @Test
  @Order(4)
  void oneDamagedByteOfTheVolumeFailsTheVerifySayingSo() throws Exception {
    Path volume;
    try (Stream<Path> files = Files.list(bacula.volumes())) {
      volume =
          files
              .filter(Files::isRegularFile)
              .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
              .orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(volume.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0xff);
    }
    ActionFailedException e =
        assertThrows(
            ActionFailedException.class,
            () ->
                actions.verify(
                    Map.of("client", "myapp/0", "backup-id", Long.parseLong(backupId)), l -> {}));
    assertTrue(
        e.getMessage().contains("does not read back as the catalog records it"), e.getMessage());
    try (Director c = bacula.console()) {
      CatalogFacts facts = CatalogFacts.read(c);
      assertFalse(
          facts.lastVerify().get(LoopbackBacula.CLIENT).isGood(),
          "the metric will say 0: " + facts);
    }
    JsonNode firing =
        prometheus.await(
            "ALERTS{alertname=\"VerifyFailed\",alertstate=\"firing\",unit=\"myapp/0\"}",
            Duration.ofSeconds(60));
    assertEquals(1, firing.size(), "the damaged backup fires VerifyFailed: " + firing);
    assertEquals(
        "critical", firing.path(0).path("metric").path("severity").asText(), firing.toString());
  }
}
