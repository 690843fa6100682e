package io.backupcharms.ops;

import io.backupcharms.ops.hooktools.HookTools;
import io.backupcharms.ops.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An action run by an operator ({@code juju run unit action k=v}). Observe it with {@link
 * Framework#observeAction}. Results set with {@link #setResults} are kept even when the action
 * fails; {@link #fail} marks it failed without failing the hook. Actions cannot be deferred.
 */
public final class ActionEvent implements Event {
  private static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Set<String> RESERVED =
      Set.of("stdout", "stderr", "stdout-encoding", "stderr-encoding");

  private final String name;
  private final String id;
  private final ActionParams params;
  private final HookTools tools;
  private boolean failed;

  /** Created by the dispatcher. */
  public ActionEvent(String name, String id, ActionParams params, HookTools tools) {
    this.name = name;
    this.id = id == null ? "" : id;
    this.params = params;
    this.tools = tools;
  }

  /** The action name, e.g. {@code run-backup}. */
  public String name() {
    return name;
  }

  /** Juju's id of this run ({@code JUJU_ACTION_UUID}). */
  public String id() {
    return id;
  }

  public ActionParams params() {
    return params;
  }

  /** Reports progress ({@code action-log}), shown by {@code juju run} while the action runs. */
  public void log(String message) {
    tools.actionLog(message);
  }

  /**
   * Adds results ({@code action-set}). Nested maps become dotted keys ({@code
   * {"backup":{"id":"42"}}} is {@code backup.id=42}); other values are sent as text, lists as JSON.
   *
   * @throws IllegalArgumentException for a key Juju rejects (not lowercase letters, digits and
   *     hyphens) or a reserved top-level key ({@code stdout}, {@code stderr} and their encodings)
   */
  public void setResults(Map<String, ?> results) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", results, flat);
    if (!flat.isEmpty()) {
      tools.actionSet(flat);
    }
  }

  /** Marks the action failed ({@code action-fail}); the hook itself still succeeds. */
  public void fail(String message) {
    failed = true;
    tools.actionFail(message);
  }

  /** Whether {@link #fail} was called. */
  public boolean isFailed() {
    return failed;
  }

  private static void flatten(String prefix, Map<String, ?> map, Map<String, String> out) {
    for (Map.Entry<String, ?> e : map.entrySet()) {
      String key = e.getKey();
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "action result key \""
                + prefix
                + key
                + "\" is not valid: use"
                + " lowercase letters, digits and single hyphens; nest with maps, not dots");
      }
      if (prefix.isEmpty() && RESERVED.contains(key)) {
        throw new IllegalArgumentException(
            "action result key \"" + key + "\" is reserved by Juju; choose" + " another name");
      }
      Object v = e.getValue();
      if (v instanceof Map<?, ?> nested) {
        Map<String, Object> copy = new LinkedHashMap<>();
        nested.forEach((k, val) -> copy.put(String.valueOf(k), val));
        flatten(prefix + key + ".", copy, out);
      } else if (v instanceof List<?> list) {
        out.put(prefix + key, Json.write(list));
      } else {
        out.put(prefix + key, v == null ? "" : v.toString());
      }
    }
  }
}
