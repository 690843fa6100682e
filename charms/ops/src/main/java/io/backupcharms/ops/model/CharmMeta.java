package io.backupcharms.ops.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the charm's {@code metadata.yaml}, {@code config.yaml} and {@code actions.yaml} (or the
 * unified {@code charmcraft.yaml}) declare.
 *
 * @param name the charm name
 * @param subordinate whether it is a subordinate charm
 * @param relations every endpoint (provides, requires and peers) by name
 * @param actions every action by name
 * @param options every config option by name
 */
public record CharmMeta(
    String name,
    boolean subordinate,
    Map<String, RelationMeta> relations,
    Map<String, ActionMeta> actions,
    Map<String, ConfigOption> options) {
  public CharmMeta {
    name = name == null ? "" : name;
    relations = Map.copyOf(relations);
    actions = Map.copyOf(actions);
    options = Map.copyOf(options);
  }

  /** Metadata with nothing declared, for charms without metadata files (training mode, tests). */
  public static CharmMeta empty() {
    return new CharmMeta("", false, Map.of(), Map.of(), Map.of());
  }

  public Optional<RelationMeta> relation(String endpoint) {
    return Optional.ofNullable(relations.get(endpoint));
  }

  public Optional<ActionMeta> action(String actionName) {
    return Optional.ofNullable(actions.get(actionName));
  }

  /** How an endpoint relates: {@code provides}, {@code requires} or {@code peers}. */
  public enum Role {
    PROVIDES,
    REQUIRES,
    PEERS
  }

  /**
   * One relation endpoint; scope is {@code global} or {@code container}; limit 0 means unlimited.
   */
  public record RelationMeta(
      String name, Role role, String interfaceName, String scope, int limit) {
    public boolean isPeer() {
      return role == Role.PEERS;
    }
  }

  /**
   * One action.
   *
   * @param params the JSON Schema of each parameter by name
   * @param required the names of required parameters
   * @param additionalProperties whether parameters not in {@code params} are accepted
   */
  public record ActionMeta(
      String name,
      String description,
      Map<String, Object> params,
      List<String> required,
      boolean additionalProperties) {
    public ActionMeta {
      description = description == null ? "" : description;
      params = Map.copyOf(params);
      required = List.copyOf(required);
    }
  }

  /**
   * One config option: type is {@code string}, {@code int}, {@code float}, {@code boolean} or
   * {@code secret}.
   */
  public record ConfigOption(String name, String type, Object defaultValue, String description) {}
}
