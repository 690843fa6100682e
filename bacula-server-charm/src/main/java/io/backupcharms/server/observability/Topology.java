package io.backupcharms.server.observability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Juju's topology of this unit, as COS names it: the labels every alert rule carries, and the
 * prefix of every rule group.
 *
 * @param model the model's name
 * @param modelUuid the model's UUID
 * @param application the application
 * @param unit this unit
 * @param charm the charm's name
 */
public record Topology(
    String model, String modelUuid, String application, String unit, String charm) {

  /** {@code prod_2f5c1e4a_bacula-server}: model, the UUID's first 8 characters, application. */
  public String identifier() {
    return model
        + "_"
        + modelUuid.substring(0, Math.min(8, modelUuid.length()))
        + "_"
        + application;
  }

  /** The {@code scrape_metadata} object, in the library's key order. */
  public Map<String, String> metadata() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put("model_uuid", modelUuid);
    m.put("application", application);
    m.put("unit", unit);
    m.put("charm_name", charm);
    return m;
  }

  /** The labels added to every alert rule (never {@code juju_unit}). */
  public Map<String, String> ruleLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("juju_model", model);
    m.put("juju_model_uuid", modelUuid);
    m.put("juju_application", application);
    m.put("juju_charm", charm);
    return m;
  }
}
