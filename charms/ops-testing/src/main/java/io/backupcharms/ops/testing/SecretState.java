package io.backupcharms.ops.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One secret in a {@link State}.
 *
 * @param id the URI, {@code secret:<id>}
 * @param label the label this unit knows it by (owner or consumer), or null
 * @param owner {@code application} or {@code unit} when this unit's app or this unit owns it, null
 *     when this unit only consumes it
 * @param revision the latest revision
 * @param content the latest revision's content
 * @param trackedRevision the revision this unit has pinned (what a plain secret-get returns)
 * @param trackedContent the content of the tracked revision
 * @param grants who may read it: relation id to app and unit names (owner side)
 */
public record SecretState(
    String id,
    String label,
    String owner,
    String description,
    int revision,
    Map<String, String> content,
    int trackedRevision,
    Map<String, String> trackedContent,
    Map<Integer, Set<String>> grants) {
  public SecretState {
    if (id == null || !id.startsWith("secret:")) {
      throw new IllegalArgumentException(
          "secret id \"" + id + "\" must be a URI like secret:cs1kq1bmp25c77d3an8g");
    }
    if (owner != null && !owner.equals("application") && !owner.equals("unit")) {
      throw new IllegalArgumentException(
          "secret " + id + ": owner must be application, unit or null (consumer)");
    }
    content = Map.copyOf(content);
    trackedContent = Map.copyOf(trackedContent);
    Map<Integer, Set<String>> g = new LinkedHashMap<>();
    grants.forEach((k, v) -> g.put(k, Set.copyOf(v)));
    grants = Collections.unmodifiableMap(g);
  }

  /** A secret this unit consumes, at revision 1. */
  public static SecretState consumed(String id, Map<String, String> content) {
    return new SecretState(id, null, null, null, 1, content, 1, content, Map.of());
  }

  /** A secret this unit's application owns, at revision 1. */
  public static SecretState ownedByApp(String id, String label, Map<String, String> content) {
    return new SecretState(id, label, "application", null, 1, content, 1, content, Map.of());
  }

  /** A new revision with this content, not yet tracked by this unit. */
  public SecretState withNewRevision(Map<String, String> newContent) {
    return new SecretState(
        id,
        label,
        owner,
        description,
        revision + 1,
        newContent,
        trackedRevision,
        trackedContent,
        grants);
  }

  public SecretState withLabel(String newLabel) {
    return new SecretState(
        id,
        newLabel,
        owner,
        description,
        revision,
        content,
        trackedRevision,
        trackedContent,
        grants);
  }
}
