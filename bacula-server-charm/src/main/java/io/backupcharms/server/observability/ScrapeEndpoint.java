package io.backupcharms.server.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupcharms.ops.model.Relation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our side of each {@code metrics-endpoint} relation ({@code prometheus_scrape}): every unit
 * publishes where it serves, the leader publishes the scrape job, the topology and the alert rules.
 * Application values are JSON text, unit values plain strings, as the library writes them.
 */
public final class ScrapeEndpoint {

  /** The endpoint's name in charmcraft.yaml. */
  public static final String ENDPOINT = "metrics-endpoint";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScrapeEndpoint() {}

  /**
   * Writes what changed on {@code relation}.
   *
   * @param address this unit's address, where the exporter listens
   * @param fqdn this machine's name
   * @param port the exporter's port
   * @param leader whether this unit writes the application keys
   * @param rules the {@code alert_rules} object ({@link AlertRules#of})
   */
  public static void publish(
      Relation relation,
      Topology topology,
      String address,
      String fqdn,
      int port,
      boolean leader,
      Map<String, Object> rules) {
    Map<String, String> unit = new LinkedHashMap<>();
    unit.put("prometheus_scrape_unit_address", address);
    unit.put("prometheus_scrape_unit_path", "");
    unit.put("prometheus_scrape_unit_name", topology.unit());
    unit.put("prometheus_scrape_unit_fqdn", fqdn);
    relation.localUnitData().update(unit, List.of());
    if (!leader) {
      return;
    }
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("metrics_path", "/metrics");
    job.put("static_configs", List.of(Map.of("targets", List.of("*:" + port))));
    Map<String, String> app = new LinkedHashMap<>();
    app.put("scrape_metadata", json(topology.metadata()));
    app.put("scrape_jobs", json(List.of(job)));
    app.put("alert_rules", json(rules));
    relation.localAppData().update(app, List.of());
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
