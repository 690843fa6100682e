package io.backupcharms.ops;

import java.util.Map;
import java.util.Optional;

/**
 * An action's parameters as {@code action-get} returns them, already validated against the action's
 * schema in {@code actions.yaml}. {@code juju run} parses {@code k=v} as YAML, so {@code n=5}
 * arrives as a number.
 */
public final class ActionParams {
  private final Map<String, Object> values;

  public ActionParams(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** A string parameter; a number or boolean given where a string was meant is returned as text. */
  public Optional<String> getString(String name) {
    Object v = values.get(name);
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  /**
   * An integer parameter.
   *
   * @throws IllegalArgumentException if it is present but not an integer
   */
  public Optional<Long> getInt(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Optional.of(n.longValue());
    }
    throw new IllegalArgumentException(
        "action parameter \"" + name + "\" is \"" + v + "\", not an integer");
  }

  /**
   * A boolean parameter.
   *
   * @throws IllegalArgumentException if it is present but not a boolean
   */
  public Optional<Boolean> getBoolean(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    throw new IllegalArgumentException(
        "action parameter \"" + name + "\" is \"" + v + "\", not true or false");
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
