package io.backupcharms.ops.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is needed to rebuild a hook event later, e.g. when a deferred event is re-emitted: the kind
 * plus exactly the environment Juju gave it. Stored as JSON; absent fields are null/-1.
 *
 * @param kind Juju's name of the event kind, e.g. {@code config-changed} or {@code
 *     relation-changed}
 */
public record EventSnapshot(
    String kind,
    String relationName,
    int relationId,
    String remoteUnit,
    String remoteApp,
    String departingUnit,
    String secretId,
    String secretLabel,
    int secretRevision) {

  /** A hook event without relation or secret. */
  public static EventSnapshot of(EventKind kind) {
    return new EventSnapshot(kind.jujuName(), null, -1, null, null, null, null, null, -1);
  }

  /** A relation event. */
  public static EventSnapshot relation(
      EventKind kind,
      String endpoint,
      int id,
      String remoteApp,
      String remoteUnit,
      String departingUnit) {
    return new EventSnapshot(
        kind.jujuName(), endpoint, id, remoteUnit, remoteApp, departingUnit, null, null, -1);
  }

  /** A secret event. */
  public static EventSnapshot secret(EventKind kind, String id, String label, int revision) {
    return new EventSnapshot(kind.jujuName(), null, -1, null, null, null, id, label, revision);
  }

  /** The stored form (plain JSON values). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    putIfSet(m, "relation-name", relationName);
    if (relationId >= 0) {
      m.put("relation-id", (long) relationId);
    }
    putIfSet(m, "remote-unit", remoteUnit);
    putIfSet(m, "remote-app", remoteApp);
    putIfSet(m, "departing-unit", departingUnit);
    putIfSet(m, "secret-id", secretId);
    putIfSet(m, "secret-label", secretLabel);
    if (secretRevision >= 0) {
      m.put("secret-revision", (long) secretRevision);
    }
    return m;
  }

  /**
   * Reads the stored form.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static EventSnapshot fromMap(Object value) {
    if (!(value instanceof Map<?, ?> m) || !(m.get("kind") instanceof String kind)) {
      throw new IllegalArgumentException("not an object with a \"kind\"");
    }
    EventKind.fromJujuName(kind);
    return new EventSnapshot(
        kind,
        string(m, "relation-name"),
        integer(m, "relation-id"),
        string(m, "remote-unit"),
        string(m, "remote-app"),
        string(m, "departing-unit"),
        string(m, "secret-id"),
        string(m, "secret-label"),
        integer(m, "secret-revision"));
  }

  private static void putIfSet(Map<String, Object> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static String string(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString();
  }

  private static int integer(Map<?, ?> m, String key) {
    return m.get(key) instanceof Number n ? n.intValue() : -1;
  }

  /** The kind as an enum. */
  public EventKind eventKind() {
    return EventKind.fromJujuName(kind);
  }

  /** The hook name Juju would have run, e.g. {@code db-relation-changed}. */
  public String hookName() {
    return relationName != null ? relationName + "-" + kind : kind;
  }
}
