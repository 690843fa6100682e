package io.backupcharms.ops;

import io.backupcharms.ops.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Charm state kept between hooks in the unit's charm directory, as JSON. Values are plain JSON
 * (strings, numbers, booleans, lists, maps) or anything Jackson maps (records, beans). Changes are
 * committed only if the hook succeeds, atomically.
 */
public final class StoredState {
  private final Map<String, Object> values;

  StoredState(Map<String, Object> values) {
    this.values = values;
  }

  /** Whether a key is set. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The keys set, in insertion order. */
  public List<String> keys() {
    return new ArrayList<>(values.keySet());
  }

  /** A string value (other scalars as text). */
  public Optional<String> getString(String key) {
    Object v = values.get(key);
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  /** An integral value. */
  public Optional<Long> getLong(String key) {
    return values.get(key) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }

  /** A boolean value. */
  public Optional<Boolean> getBoolean(String key) {
    return values.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  /**
   * Any value, mapped to {@code type} (with Jackson unless it already is one).
   *
   * @throws IllegalArgumentException if the stored JSON does not fit the type
   */
  public <T> Optional<T> get(String key, Class<T> type) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (type.isInstance(v)) {
      return Optional.of(type.cast(v));
    }
    try {
      return Optional.of(Json.mapper().convertValue(v, type));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "stored value \"" + key + "\" (" + v + ") does not fit " + type.getName(), e);
    }
  }

  /** Sets a value; null removes the key. */
  public void set(String key, Object value) {
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, Json.toPlain(value));
    }
  }

  /** Removes a key. */
  public void remove(String key) {
    values.remove(key);
  }
}
