package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupcharms.ops.model.Port;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import io.backupcharms.server.metrics.ExporterConfig;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

/** What the charm tells the metrics exporter, and that only the leader runs it. */
class MetricsStateTest extends ServerStateTest {

  static final String MYAPP0 = ClientIdentityStateTest.MYAPP0;

  @Test
  void theLeaderServesEachClientWithItsUnitAndScheduleOnAnOpenedPort() {
    RelationState fd =
        CharmStateTest.fdRelation(
            3, "bacula-fd", Map.of("bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5")));
    State out =
        ctx.run(
            ctx.on().relationChanged(fd, "bacula-fd/0"),
            State.empty()
                .withLeader(true)
                .withRelation(fd)
                .withConfig(Map.of("min-free-space", "3G")));
    ExporterConfig config = workload.metrics;
    assertEquals(ExporterConfig.DEFAULT_PORT, config.port());
    assertEquals(3L << 30, config.minFreeBytes());
    assertEquals(1, config.clients().size(), config.toString());
    ExporterConfig.ClientLabels client = config.clients().get(0);
    assertEquals("myapp/0", client.unit(), "labelled by the unit an operator knows");
    assertEquals(MYAPP0, client.name());
    assertEquals(86_400, client.periodSeconds(), "Full on Sundays, Incrementals the other days");
    assertTrue(
        out.openedPorts().contains(Port.tcp(ExporterConfig.DEFAULT_PORT)),
        out.openedPorts().toString());
    assertTrue(config.toJson().contains("\"period-seconds\" : 86400"), config.toJson());
  }

  @Test
  void verifyScheduleRunsEachClientsVerifyJobOnTheNewestBackupAndTellsTheExporterItsPeriod() {
    RelationState fd =
        CharmStateTest.fdRelation(
            3, "bacula-fd", Map.of("bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5")));
    long before = Instant.now().getEpochSecond();
    State out =
        ctx.run(
            ctx.on().configChanged(),
            State.empty()
                .withLeader(true)
                .withRelation(fd)
                .withConfig(Map.of("verify-schedule", "sun at 05:00")));
    assertEquals("active", out.unitStatus().name(), out.unitStatus().message());
    String dir = workload.directorConfig();
    assertTrue(
        dir.contains("Schedule {\n  Name = \"charm-verify-schedule\"\n  Run = sun at 05:00\n}"),
        dir);
    String stem = MYAPP0.replaceAll("-fd$", "");
    String verifyJob = dir.substring(dir.indexOf("Name = \"" + stem + "-verify\""));
    verifyJob = verifyJob.substring(0, verifyJob.indexOf("}"));
    assertTrue(verifyJob.contains("Schedule = \"charm-verify-schedule\""), verifyJob);
    assertTrue(
        verifyJob.contains("Verify Job = \"" + stem + "-backup\""),
        "a scheduled verify reads the client's newest good backup: " + verifyJob);
    assertEquals(7 * 86_400, workload.metrics.verifyPeriodSeconds());
    long since = workload.metrics.verifySinceSeconds();
    assertTrue(since >= before, "the first verify is due a week after the schedule was set");

    ctx.run(ctx.on().updateStatus(), out);
    assertEquals(
        since, workload.metrics.verifySinceSeconds(), "an unchanged schedule keeps its start");
  }

  @Test
  void aVerifyScheduleWithALevelBlocksSayingWhatToWrite() {
    State out =
        ctx.run(
            ctx.on().configChanged(),
            State.empty()
                .withLeader(true)
                .withConfig(Map.of("verify-schedule", "Level=Full sun at 05:00")));
    assertEquals("blocked", out.unitStatus().name(), out.unitStatus().message());
    assertTrue(
        out.unitStatus()
            .message()
            .contains(
                "verify-schedule \"Level=Full sun at 05:00\" must give only" + " when to run"),
        out.unitStatus().message());
  }

  @Test
  void aUnitThatIsNotTheLeaderStopsTheExporter() {
    State led = ctx.run(ctx.on().updateStatus(), State.empty().withLeader(true));
    assertTrue(workload.metrics != null, "the leader serves metrics even with no client yet");
    ctx.run(ctx.on().updateStatus(), led.withLeader(false));
    assertNull(workload.metrics, "a unit that lost leadership stops it");
  }

  @Test
  void aPrometheusRelationGetsTheScrapeJobTheTopologyAndTheAlertRulesAsTheLibraryWritesThem()
      throws Exception {
    RelationState prometheus =
        RelationState.of("metrics-endpoint", 9, "prometheus")
            .withRemoteUnit("prometheus/0", Map.of());
    State out =
        ctx.run(
            ctx.on().relationJoined(prometheus, "prometheus/0"),
            State.empty().withLeader(true).withRelation(prometheus));
    RelationState r = out.relation(9).orElseThrow();
    Map<String, String> unit = r.localUnitData();
    assertEquals("bacula-server/0", unit.get("prometheus_scrape_unit_name"), unit.toString());
    // The library sets it to "", which Juju stores as no key at all; the consumer reads it so.
    assertFalse(unit.containsKey("prometheus_scrape_unit_path"), unit.toString());
    assertTrue(
        unit.containsKey("prometheus_scrape_unit_address")
            && unit.containsKey("prometheus_scrape_unit_fqdn"),
        unit.toString());

    ObjectMapper json = new ObjectMapper();
    assertEquals(
        json.readTree(
            "[{\"metrics_path\":\"/metrics\",\"static_configs\":[{\"targets\":[\"*:9625\"]}]}]"),
        json.readTree(r.localAppData().get("scrape_jobs")));
    JsonNode meta = json.readTree(r.localAppData().get("scrape_metadata"));
    assertEquals("test-model", meta.path("model").asText());
    assertEquals("bacula-server", meta.path("charm_name").asText());
    assertEquals(
        List.of("model", "model_uuid", "application", "unit", "charm_name"),
        List.copyOf(iterable(meta.fieldNames())),
        "the library's key order");

    JsonNode groups = json.readTree(r.localAppData().get("alert_rules")).path("groups");
    List<String> alerts = new ArrayList<>();
    for (JsonNode g : groups) {
      assertTrue(
          g.path("name").asText().startsWith("test_model_00000000_bacula_server_")
              && g.path("name").asText().endsWith("_rules"),
          g.path("name").asText());
      for (JsonNode rule : g.path("rules")) {
        alerts.add(rule.path("alert").asText());
        assertEquals(
            "bacula-server",
            rule.path("labels").path("juju_application").asText(),
            rule.toString());
        assertEquals(
            "00000000-0000-4000-8000-000000000001",
            rule.path("labels").path("juju_model_uuid").asText());
        assertFalse(rule.path("expr").asText().contains("%%juju_topology%%"), rule.toString());
      }
    }
    assertTrue(
        alerts.containsAll(
            List.of(
                "BackupFailed",
                "BackupMissing",
                "VolumeDiskAlmostFull",
                "HostDown",
                "HostMetricsMissing")),
        "the shipped rules and the generic ones: " + alerts);
  }

  @Test
  void theCosAgentGetsOneConfigKeyWithTheScrapeJobTheRulesAndTheDashboardsItDecodes()
      throws Exception {
    RelationState agent =
        RelationState.of("cos-agent", 11, "opentelemetry-collector")
            .withRemoteUnit("opentelemetry-collector/0", Map.of());
    State out =
        ctx.run(
            ctx.on().relationJoined(agent, "opentelemetry-collector/0"),
            State.empty().withLeader(true).withRelation(agent));
    ObjectMapper json = new ObjectMapper();
    JsonNode config = json.readTree(out.relation(11).orElseThrow().localUnitData().get("config"));
    assertEquals(
        List.of(
            "metrics_alert_rules",
            "log_alert_rules",
            "dashboards",
            "subordinate",
            "metrics_scrape_jobs",
            "log_slots",
            "tracing_protocols"),
        List.copyOf(iterable(config.fieldNames())),
        "every field of CosAgentProviderUnitData, required ones included");
    JsonNode job = config.path("metrics_scrape_jobs").path(0);
    assertEquals("/metrics", job.path("metrics_path").asText());
    assertTrue(
        job.path("static_configs").path(0).path("targets").path(0).asText().endsWith(":9625"),
        job.toString());
    assertTrue(job.path("job_name").asText().startsWith("bacula-server_default_"), job.toString());
    assertTrue(config.path("metrics_alert_rules").path("groups").size() >= 2, config.toString());
    assertEquals(1, config.path("dashboards").size(), "the dashboard the charm ships");
    byte[] xz = Base64.getDecoder().decode(config.path("dashboards").path(0).asText());
    JsonNode dashboard;
    try (XZInputStream in = new XZInputStream(new ByteArrayInputStream(xz))) {
      dashboard = json.readTree(in.readAllBytes());
    }
    assertEquals(40, dashboard.path("uid").asText().length(), dashboard.path("uid").asText());
    assertTrue(
        dashboard.path("tags").toString().contains("charm: bacula-server"),
        dashboard.path("tags").toString());
  }

  private static <T> List<T> iterable(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
