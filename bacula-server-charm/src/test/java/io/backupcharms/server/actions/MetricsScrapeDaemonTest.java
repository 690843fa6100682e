package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupcharms.server.metrics.ExporterConfig;
import io.backupcharms.server.metrics.ExporterMain;
import io.backupcharms.server.metrics.OffsiteState;
import io.backupcharms.server.workload.MetricsService;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter against real daemons, scraped by a real Prometheus: the series of a backup that just
 * ran are there, with the unit label an operator searches by.
 */
class MetricsScrapeDaemonTest {

  @TempDir static Path root;
  static LoopbackBacula bacula;
  static ServerActions actions;
  static HTTPServer exporter;
  static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws Exception {
    bacula = new LoopbackBacula(root);
    actions = bacula.actions();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ExporterConfig config =
        new ExporterConfig(
            "127.0.0.1",
            port,
            bacula.address,
            9101,
            bacula.consolePassword,
            bacula.volumes().toString(),
            "",
            1L << 30,
            List.of(new ExporterConfig.ClientLabels(LoopbackBacula.CLIENT, "myapp/0", 86_400)),
            root.resolve("offsite.json").toString(),
            0,
            0);
    MetricsService.publish(root.resolve("offsite.json"), new OffsiteState(2, 1_700_000_000L));
    exporter = ExporterMain.serve(config);
    prometheus =
        new PrometheusServer(
            Files.createDirectories(root.resolve("prometheus")), "127.0.0.1:" + port);
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
  void prometheusScrapesTheBackupThatJustRanAndItsFailure() throws Exception {
    JsonNode up = prometheus.await("bacula_director_up == 1", Duration.ofSeconds(30));
    assertEquals(1, up.size(), "the exporter reached the Director: " + up);
    JsonNode period = prometheus.query("bacula_client_backup_period_seconds{unit=\"myapp/0\"}");
    assertEquals("86400", period.path(0).path("value").path(1).asText(), period.toString());

    Files.writeString(bacula.data.resolve("a.txt"), "metrics\n");
    long before = Instant.now().getEpochSecond() - 1;
    Map<String, Object> full =
        actions.runBackup(Map.of("client", "myapp/0", "level", "Full"), l -> {});
    assertEquals("success", full.get("status"), full.toString());
    // The exporter caches a read for 10 s; Prometheus scrapes every second.
    JsonNode last =
        prometheus.await(
            "bacula_client_last_backup_timestamp_seconds{level=\"Full\","
                + "unit=\"myapp/0\"} >= "
                + before,
            Duration.ofSeconds(40));
    assertEquals(1, last.size(), "the Full that just ran: " + last);
    assertEquals(LoopbackBacula.CLIENT, last.path(0).path("metric").path("client").asText());
    JsonNode ok = prometheus.query("bacula_client_last_job_success{unit=\"myapp/0\"}");
    assertEquals("1", ok.path(0).path("value").path(1).asText(), ok.toString());
    JsonNode files = prometheus.query("bacula_client_last_job_files{unit=\"myapp/0\"}");
    assertTrue(files.path(0).path("value").path(1).asLong() >= 1, files.toString());
    JsonNode free = prometheus.query("bacula_volume_free_bytes > 0");
    assertEquals(1, free.size(), free.toString());
    JsonNode pending = prometheus.query("bacula_offsite_pending_volumes");
    assertEquals("2", pending.path(0).path("value").path(1).asText(), pending.toString());
    JsonNode copied = prometheus.query("bacula_offsite_last_copy_timestamp_seconds");
    assertEquals("1700000000", copied.path(0).path("value").path(1).asText(), copied.toString());

    bacula.script("before-backup", "#!/bin/sh\necho refusing\nexit 1\n");
    try {
      Map<String, Object> failed = null;
      try {
        failed = actions.runBackup(Map.of("client", "myapp/0", "level", "Incremental"), l -> {});
      } catch (ActionFailedException expected) {
        // The failure is what this part of the test is about.
      }
      assertEquals(null, failed, "the before-backup script fails the job");
      JsonNode bad =
          prometheus.await(
              "bacula_client_last_job_success{unit=\"myapp/0\"} == 0", Duration.ofSeconds(40));
      assertEquals(1, bad.size(), "the failed backup shows: " + bad);
      JsonNode count = prometheus.query("bacula_client_failed_jobs_total{unit=\"myapp/0\"}");
      assertEquals("1", count.path(0).path("value").path(1).asText(), count.toString());
    } finally {
      bacula.script("before-backup", "#!/bin/sh\nexit 0\n");
    }
  }
}
