package io.backupcharms.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard the charm ships: COS's datasource variable on every panel, and only metrics
 * the exporter serves, so renaming a metric without the dashboard fails here.
 */
class DashboardTest {

  static final Path DASHBOARD = Path.of("src/charm/src/grafana_dashboards/bacula.json");

  /**
   * Every metric the exporter serves, as docs/reference/metrics.md lists them. A rename in {@link
   * BaculaMetrics} must be made here too, and then in whatever this list protects.
   */
  static final Set<String> EXPORTED =
      Set.of(
          "bacula_client_last_backup_timestamp_seconds",
          "bacula_client_last_job_success",
          "bacula_client_last_job_timestamp_seconds",
          "bacula_client_last_job_bytes",
          "bacula_client_last_job_files",
          "bacula_client_last_job_duration_seconds",
          "bacula_client_failed_jobs_total",
          "bacula_client_backup_period_seconds",
          "bacula_client_last_verify_success",
          "bacula_client_last_verify_timestamp_seconds",
          "bacula_client_verify_due_timestamp_seconds",
          "bacula_director_up",
          "bacula_volume_bytes",
          "bacula_volume_free_bytes",
          "bacula_volume_min_free_bytes",
          "bacula_catalog_bytes",
          "bacula_jobs_running",
          "bacula_jobs_queued",
          "bacula_offsite_pending_volumes",
          "bacula_offsite_last_copy_timestamp_seconds");

  private static final String DATASOURCE = "${prometheusds}";

  // What is left of an expression once these are gone is metric names, function and aggregation
  // names (each followed by a parenthesis), keywords and numbers.
  private static final Pattern STRING =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern LABEL_LIST =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  // The look-behind keeps the exponent of 1e9 and the unit of an offset's 1d from reading as names;
  // the possessive quantifier keeps "tim" of time() from passing for a name.
  private static final Pattern NAME =
      Pattern.compile("(?<![A-Za-z0-9_:.$])[A-Za-z_:][A-Za-z0-9_:]*+(?!\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((?:(.*),)?\\s*\\w+\\s*\\)\\s*$");

  /** The metric names a PromQL expression reads. */
  static Set<String> metricNames(String expr) {
    String rest = expr;
    for (Pattern p : List.of(STRING, MATCHERS, RANGE, LABEL_LIST)) {
      rest = p.matcher(rest).replaceAll(" ");
    }
    Set<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(rest);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group().toLowerCase())) {
        names.add(m.group());
      }
    }
    return names;
  }

  @Test
  void theParserFindsEveryMetricOfAnExpressionAndNothingElse() {
    assertEquals(
        Set.of("bacula_client_last_backup_timestamp_seconds"),
        metricNames(
            "time() - max without (level)"
                + " (bacula_client_last_backup_timestamp_seconds{unit=~\"$unit\"})"));
    assertEquals(
        Set.of("bacula_client_failed_jobs_total"),
        metricNames(
            "increase(bacula_client_failed_jobs_total{unit=~\"$unit\",level='a b'}[1d] offset"
                + " 1h)"));
    assertEquals(
        Set.of("node_filesystem_avail_bytes", "up"),
        metricNames(
            "sum by (instance) (rate(node_filesystem_avail_bytes[$__rate_interval])) > 1e9 and on"
                + " (instance) up == 0"),
        "a metric the exporter does not serve is seen too");
  }

  @Test
  void itIsBaculaBackupsOnCossDatasourceVariable() throws IOException {
    JsonNode d = dashboard();
    assertEquals("bacula-backups", d.path("uid").asText());
    assertEquals("Bacula backups", d.path("title").asText());
    assertTrue(d.path("schemaVersion").asInt() >= 36, "schemaVersion " + d.path("schemaVersion"));
    JsonNode datasource = variable(d, "prometheusds");
    assertEquals("datasource", datasource.path("type").asText(), datasource.toString());
    assertEquals("prometheus", datasource.path("query").asText(), datasource.toString());
    JsonNode unit = variable(d, "unit");
    assertEquals(DATASOURCE, unit.path("datasource").path("uid").asText(), unit.toString());
    assertTrue(
        unit.path("includeAll").asBoolean() && unit.path("multi").asBoolean(), unit.toString());
  }

  @Test
  void everyPanelQueriesThroughTheDatasourceVariable() throws IOException {
    List<JsonNode> panels = panels(dashboard());
    assertFalse(panels.isEmpty());
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText();
      assertEquals(DATASOURCE, panel.path("datasource").path("uid").asText(), title);
      assertFalse(panel.path("targets").isEmpty(), title + " has no targets");
      for (JsonNode target : panel.path("targets")) {
        assertFalse(target.path("expr").asText().isBlank(), title + ": " + target);
        if (target.has("datasource")) {
          assertEquals(
              DATASOURCE, target.path("datasource").path("uid").asText(), title + ": " + target);
        }
      }
    }
  }

  @Test
  void everyExpressionReadsOnlyExportedMetricsAndTheViewsAreAllThere() throws IOException {
    JsonNode d = dashboard();
    Set<String> used = new TreeSet<>();
    for (String expr : expressions(d)) {
      Set<String> names = metricNames(expr);
      assertFalse(names.isEmpty(), "no metric in " + expr);
      Set<String> unknown = new TreeSet<>(names);
      unknown.removeAll(EXPORTED);
      assertTrue(unknown.isEmpty(), "the exporter serves no " + unknown + " (in " + expr + ")");
      used.addAll(names);
    }
    Set<String> views =
        Set.of(
            "bacula_client_last_backup_timestamp_seconds",
            "bacula_client_last_job_success",
            "bacula_client_last_job_bytes",
            "bacula_client_last_job_files",
            "bacula_client_last_job_duration_seconds",
            "bacula_client_failed_jobs_total",
            "bacula_volume_bytes",
            "bacula_volume_free_bytes",
            "bacula_catalog_bytes",
            "bacula_jobs_running",
            "bacula_jobs_queued",
            "bacula_client_last_verify_success");
    Set<String> missing = new TreeSet<>(views);
    missing.removeAll(used);
    assertTrue(missing.isEmpty(), "no panel shows " + missing);
  }

  @Test
  void everyPerClientPanelFollowsTheUnitVariable() throws IOException {
    for (JsonNode panel : panels(dashboard())) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        if (expr.contains("bacula_client_")) {
          assertTrue(expr.contains("unit=~\"$unit\""), panel.path("title").asText() + ": " + expr);
        }
      }
    }
  }

  private static JsonNode dashboard() throws IOException {
    return new ObjectMapper().readTree(DASHBOARD.toFile());
  }

  private static JsonNode variable(JsonNode dashboard, String name) {
    for (JsonNode v : dashboard.path("templating").path("list")) {
      if (name.equals(v.path("name").asText())) {
        return v;
      }
    }
    throw new AssertionError("no template variable " + name + " in " + DASHBOARD);
  }

  /** The panels, those inside collapsed rows too; rows themselves query nothing. */
  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if ("row".equals(panel.path("type").asText())) {
        panel.path("panels").forEach(out::add);
      } else {
        out.add(panel);
      }
    }
    return out;
  }

  /** The PromQL of every target and of every query variable (inside Grafana's label_values). */
  private static List<String> expressions(JsonNode dashboard) {
    List<String> out = new ArrayList<>();
    panels(dashboard)
        .forEach(p -> p.path("targets").forEach(t -> out.add(t.path("expr").asText())));
    for (JsonNode v : dashboard.path("templating").path("list")) {
      if ("query".equals(v.path("type").asText())) {
        JsonNode node = v.path("query");
        String query = node.isObject() ? node.path("query").asText() : node.asText();
        Matcher m = LABEL_VALUES.matcher(query);
        out.add(m.matches() ? String.valueOf(m.group(1)) : query);
      }
    }
    return out;
  }

  @Test
  void everyMetricTheExporterServesIsDocumented() throws IOException {
    String page = Files.readString(Path.of("../docs/reference/metrics.md"));
    for (String name : EXPORTED) {
      assertTrue(
          page.matches("(?s).*\\| `" + name + "(\\{[a-z,]+\\})?`.*"),
          name + " has no row in docs/reference/metrics.md");
    }
  }
}
