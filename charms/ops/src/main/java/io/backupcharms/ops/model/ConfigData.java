package io.backupcharms.ops.model;

import io.backupcharms.ops.hooktools.ModelError;
import java.util.Map;
import java.util.Optional;

/**
 * The application's config as {@code config-get --all} returns it: options with their defaults,
 * native types, unset options without default absent.
 */
public final class ConfigData {
  private final Map<String, Object> values;

  public ConfigData(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** Every set option. */
  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String option) {
    return values.containsKey(option);
  }

  /** A string (or secret) option; empty when unset. */
  public Optional<String> getString(String option) {
    return typed(option, String.class, "string");
  }

  /** An int option; empty when unset. */
  public Optional<Long> getInt(String option) {
    Object v = values.get(option);
    if (v instanceof Integer i) {
      return Optional.of(i.longValue());
    }
    return typed(option, Long.class, "int");
  }

  /** A float option; ints are widened. */
  public Optional<Double> getDouble(String option) {
    Object v = values.get(option);
    if (v instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    return typed(option, Double.class, "float");
  }

  /** A boolean option. */
  public Optional<Boolean> getBoolean(String option) {
    return typed(option, Boolean.class, "boolean");
  }

  private <T> Optional<T> typed(String option, Class<T> type, String juju) {
    Object v = values.get(option);
    if (v == null) {
      return Optional.empty();
    }
    if (!type.isInstance(v)) {
      throw new ModelError(
          "config option \""
              + option
              + "\" is "
              + v.getClass().getSimpleName()
              + " ("
              + v
              + "), not "
              + juju
              + "; check its type in config.yaml");
    }
    return Optional.of(type.cast(v));
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
