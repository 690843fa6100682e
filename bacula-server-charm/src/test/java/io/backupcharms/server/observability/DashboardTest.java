package io.backupcharms.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped Grafana dashboard: COS's datasource variable, and only metrics the exporter serves. */
class DashboardTest {

  static final Path DASHBOARD = Path.of("src/charm/src/grafana_dashboards/bacula.json");

  /** Every metric name the exporter serves (docs/reference/metrics.md lists them). */
  static final Set<String> SERVED = Set.of("bacula_client_last_backup_timestamp_seconds",
      "bacula_client_last_job_success", "bacula_client_last_job_timestamp_seconds",
      "bacula_client_last_job_bytes", "bacula_client_last_job_files",
      "bacula_client_last_job_duration_seconds", "bacula_client_failed_jobs_total",
      "bacula_client_backup_period_seconds", "bacula_client_last_verify_success",
      "bacula_client_last_verify_timestamp_seconds", "bacula_director_up", "bacula_volume_bytes",
      "bacula_volume_free_bytes", "bacula_volume_min_free_bytes", "bacula_catalog_bytes",
      "bacula_jobs_running", "bacula_jobs_queued", "bacula_offsite_pending_volumes");

  @Test
  void everyPanelQueriesServedMetricsThroughTheCosDatasource() throws Exception {
    JsonNode d = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    assertEquals("bacula-backups", d.path("uid").asText());
    assertEquals("Bacula backups", d.path("title").asText());
    assertTrue(d.path("schemaVersion").asInt() >= 36);
    assertTrue(d.path("templating").toString().contains("\"prometheusds\""), "COS swaps ${prometheusds}");
    Set<String> used = new TreeSet<>();
    Pattern metric = Pattern.compile("\\bbacula_[a-z_]+");
    assertFalse(d.path("panels").isEmpty());
    for (JsonNode panel : d.path("panels")) {
      assertEquals("${prometheusds}", panel.path("datasource").path("uid").asText(), panel.path("title").asText());
      assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
      for (JsonNode target : panel.path("targets")) {
        Matcher m = metric.matcher(target.path("expr").asText());
        while (m.find()) {
          used.add(m.group());
        }
      }
    }
    assertTrue(SERVED.containsAll(used), "unknown metrics: " + used);
    assertTrue(used.containsAll(Set.of("bacula_client_last_backup_timestamp_seconds",
        "bacula_client_last_job_success", "bacula_client_last_job_bytes",
        "bacula_client_last_job_duration_seconds", "bacula_volume_free_bytes")), used.toString());
  }

  @Test
  void everyMetricTheExporterServesIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("../docs/reference/metrics.md"));
    for (String name : SERVED) {
      assertTrue(doc.contains("`" + name), name);
    }
  }
}
