package io.backupcharms.localjuju.charm;

import java.util.List;
import java.util.Map;

/**
 * What localjuju reads from a charm: its name, endpoints (with the implicit {@code juju-info}
 * provider), config options and actions, from {@code metadata.yaml}, {@code config.yaml} and {@code
 * actions.yaml} (or a unified {@code charmcraft.yaml}), and the bases it runs on from {@code
 * manifest.yaml} ({@code ubuntu@22.04}, in the manifest's order; empty when it has none).
 */
public record CharmMeta(
    String name,
    boolean subordinate,
    Map<String, Endpoint> endpoints,
    Map<String, ConfigOption> options,
    Map<String, ActionSpec> actions,
    List<String> extraBindings,
    List<String> bases) {
  public CharmMeta {
    bases = List.copyOf(bases);
    endpoints = Map.copyOf(endpoints);
    options = Map.copyOf(options);
    actions = Map.copyOf(actions);
    extraBindings = List.copyOf(extraBindings);
  }

  /** One relation endpoint as declared. */
  public record Endpoint(String name, Role role, String iface, boolean containerScope, int limit) {}

  /** Endpoint roles, as Juju names them in status. */
  public enum Role {
    PROVIDER,
    REQUIRER,
    PEER
  }

  /** One config option: type is string, int, float, boolean or secret. */
  public record ConfigOption(String type, Object defaultValue, String description) {}

  /** One action with its parameters' JSON Schema pieces. */
  public record ActionSpec(
      String description,
      Map<String, Object> params,
      List<String> required,
      boolean additionalProperties) {
    public ActionSpec {
      params = Map.copyOf(params);
      required = List.copyOf(required);
    }
  }
}
