package io.backupcharms.ops.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The framework's state between hooks: stored state by namespace and the deferred events, in order.
 * Mutable during one hook; {@link #toJson()} is what gets committed.
 */
public final class PersistedState {
  static final int VERSION = 1;
  private final Map<String, Map<String, Object>> stored;
  private final List<EventSnapshot> deferred;

  /**
   * @param stored namespaces of plain JSON values (see {@link Json}); copied
   */
  public PersistedState(Map<String, Map<String, Object>> stored, List<EventSnapshot> deferred) {
    this.stored = new LinkedHashMap<>();
    stored.forEach((ns, values) -> this.stored.put(ns, new LinkedHashMap<>(values)));
    this.deferred = new ArrayList<>(deferred);
  }

  /** Nothing stored, nothing deferred. */
  public static PersistedState empty() {
    return new PersistedState(Map.of(), List.of());
  }

  /** The mutable values of one stored-state namespace, created when first asked for. */
  public Map<String, Object> namespace(String name) {
    return stored.computeIfAbsent(name, n -> new LinkedHashMap<>());
  }

  /** All namespaces (mutable). */
  public Map<String, Map<String, Object>> stored() {
    return stored;
  }

  /** Deferred events, oldest first. */
  public List<EventSnapshot> deferred() {
    return List.copyOf(deferred);
  }

  public void setDeferred(List<EventSnapshot> events) {
    deferred.clear();
    deferred.addAll(events);
  }

  /** The committed form: {@code {"version":1,"stored":{...},"deferred":[...]}}. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", VERSION);
    // Empty namespaces are noise: a charm that only read its state wrote nothing.
    Map<String, Object> nonEmpty = new LinkedHashMap<>();
    stored.forEach(
        (ns, values) -> {
          if (!values.isEmpty()) {
            nonEmpty.put(ns, values);
          }
        });
    root.put("stored", nonEmpty);
    List<Object> events = new ArrayList<>();
    deferred.forEach(d -> events.add(d.toMap()));
    root.put("deferred", events);
    return Json.write(root);
  }

  /**
   * Parses the committed form.
   *
   * @throws StateCorruptError if the text is not what {@link #toJson()} writes
   */
  public static PersistedState parse(String json, String source) {
    Object root;
    try {
      root = Json.parse(json);
    } catch (JsonProcessingException e) {
      throw new StateCorruptError(source, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new StateCorruptError(source, "the top level is not a JSON object", null);
    }
    if (!(map.get("version") instanceof Long v) || v != VERSION) {
      throw new StateCorruptError(
          source,
          "unsupported version " + map.get("version") + " (expected " + VERSION + ")",
          null);
    }
    if (!(map.get("stored") instanceof Map<?, ?> stored)
        || !(map.get("deferred") instanceof List<?> deferred)) {
      throw new StateCorruptError(
          source, "\"stored\" must be an object and \"deferred\" an array", null);
    }
    Map<String, Map<String, Object>> namespaces = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : stored.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> values)) {
        throw new StateCorruptError(
            source, "stored namespace \"" + e.getKey() + "\" is not an object", null);
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      values.forEach((k, val) -> copy.put(String.valueOf(k), val));
      namespaces.put(String.valueOf(e.getKey()), copy);
    }
    List<EventSnapshot> events = new ArrayList<>();
    for (Object d : deferred) {
      try {
        events.add(EventSnapshot.fromMap(d));
      } catch (IllegalArgumentException e) {
        throw new StateCorruptError(
            source, "deferred event " + d + " is not readable: " + e.getMessage(), e);
      }
    }
    return new PersistedState(namespaces, events);
  }
}
