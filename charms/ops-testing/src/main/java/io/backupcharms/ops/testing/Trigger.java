package io.backupcharms.ops.testing;

import io.backupcharms.ops.internal.EventSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event to run, as Juju would start it: the dispatch path plus the hook-specific environment
 * (and, for an action, its parameters). Build it with {@link On}, e.g. {@code
 * ctx.on().configChanged()}.
 */
public record Trigger(
    String dispatchPath, Map<String, String> env, Map<String, Object> actionParams) {
  public Trigger {
    env = Map.copyOf(env);
    actionParams = Map.copyOf(actionParams);
  }

  /** Whether this runs an action. */
  public boolean isAction() {
    return dispatchPath.startsWith("actions/");
  }

  /** The trigger of a deferred event as the framework stored it. */
  static Trigger fromSnapshot(EventSnapshot s) {
    Map<String, String> env = new LinkedHashMap<>();
    if (s.relationName() != null) {
      env.put("JUJU_RELATION", s.relationName());
      env.put("JUJU_RELATION_ID", s.relationName() + ":" + s.relationId());
      putIfSet(env, "JUJU_REMOTE_APP", s.remoteApp());
      putIfSet(env, "JUJU_REMOTE_UNIT", s.remoteUnit());
      putIfSet(env, "JUJU_DEPARTING_UNIT", s.departingUnit());
    }
    if (s.secretId() != null || s.secretLabel() != null) {
      putIfSet(env, "JUJU_SECRET_ID", s.secretId());
      putIfSet(env, "JUJU_SECRET_LABEL", s.secretLabel());
      if (s.secretRevision() > 0) {
        env.put("JUJU_SECRET_REVISION", Integer.toString(s.secretRevision()));
      }
    }
    return new Trigger("hooks/" + s.hookName(), env, Map.of());
  }

  private static void putIfSet(Map<String, String> env, String key, String value) {
    if (value != null && !value.isEmpty()) {
      env.put(key, value);
    }
  }

  @Override
  public String toString() {
    return dispatchPath
        + (env.isEmpty() ? "" : " " + env)
        + (actionParams.isEmpty() ? "" : " " + actionParams);
  }
}
