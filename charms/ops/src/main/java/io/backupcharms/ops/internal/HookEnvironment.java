package io.backupcharms.ops.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The hook environment Juju builds, read once at start-up.
 *
 * @param dispatchPath {@code hooks/<hook>} or {@code actions/<action>}
 * @param unitName {@code JUJU_UNIT_NAME}
 * @param charmDir {@code JUJU_CHARM_DIR} (or {@code CHARM_DIR})
 * @param env the whole environment, for the parts only some hooks have
 */
public record HookEnvironment(
    String dispatchPath,
    String unitName,
    String modelName,
    String modelUuid,
    String jujuVersion,
    Path charmDir,
    Map<String, String> env) {
  public HookEnvironment {
    env = Map.copyOf(env);
  }

  /**
   * Reads the environment.
   *
   * @throws DispatchError naming the first missing variable that every hook has
   */
  public static HookEnvironment from(Map<String, String> env) {
    String charmDir = env.getOrDefault("JUJU_CHARM_DIR", env.get("CHARM_DIR"));
    if (charmDir == null || charmDir.isEmpty()) {
      throw missing("JUJU_CHARM_DIR");
    }
    return new HookEnvironment(
        require(env, "JUJU_DISPATCH_PATH"),
        require(env, "JUJU_UNIT_NAME"),
        require(env, "JUJU_MODEL_NAME"),
        env.getOrDefault("JUJU_MODEL_UUID", ""),
        env.getOrDefault("JUJU_VERSION", ""),
        Path.of(charmDir),
        env);
  }

  /** Whether this runs an action ({@code actions/<name>}). */
  public boolean isAction() {
    return dispatchPath.startsWith("actions/");
  }

  /** The action name, from the dispatch path. */
  public String actionName() {
    return dispatchPath.substring("actions/".length());
  }

  /** The hook name, from the dispatch path (Juju names hooks {@code hooks/<name>}). */
  public String hookName() {
    int slash = dispatchPath.lastIndexOf('/');
    return slash < 0 ? dispatchPath : dispatchPath.substring(slash + 1);
  }

  /**
   * The event this hook is, if the framework handles it.
   *
   * @throws DispatchError if a variable that hook kind always has is missing
   */
  public Optional<EventSnapshot> event() {
    if (isAction()) {
      return Optional.empty();
    }
    Optional<EventKind> kind = EventKind.forHook(hookName());
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    EventKind k = kind.get();
    if (k.isRelation()) {
      String endpoint = require(env, "JUJU_RELATION");
      String id = require(env, "JUJU_RELATION_ID");
      int number;
      try {
        number = Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
      } catch (NumberFormatException e) {
        throw new DispatchError(
            "JUJU_RELATION_ID \"" + id + "\" is not of the form <endpoint>:<number>");
      }
      return Optional.of(
          EventSnapshot.relation(
              k,
              endpoint,
              number,
              env.get("JUJU_REMOTE_APP"),
              env.get("JUJU_REMOTE_UNIT"),
              env.get("JUJU_DEPARTING_UNIT")));
    }
    if (k.isSecret()) {
      String id = env.getOrDefault("JUJU_SECRET_ID", "");
      String label = env.getOrDefault("JUJU_SECRET_LABEL", "");
      if (id.isEmpty() && label.isEmpty()) {
        throw missing("JUJU_SECRET_ID");
      }
      int revision = 0;
      String rev = env.getOrDefault("JUJU_SECRET_REVISION", "");
      if (!rev.isEmpty()) {
        try {
          revision = Integer.parseInt(rev);
        } catch (NumberFormatException e) {
          throw new DispatchError("JUJU_SECRET_REVISION \"" + rev + "\" is not a number");
        }
      }
      return Optional.of(EventSnapshot.secret(k, id, label, revision));
    }
    return Optional.of(EventSnapshot.of(k));
  }

  /** {@code JUJU_ACTION_UUID}, empty if unset. */
  public String actionId() {
    return env.getOrDefault("JUJU_ACTION_UUID", "");
  }

  private static String require(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      throw missing(name);
    }
    return value;
  }

  private static DispatchError missing(String name) {
    return new DispatchError(
        "environment variable "
            + name
            + " is not set; a charm runs inside a Juju hook (through its dispatch script), which"
            + " always sets it. To exercise a charm outside Juju use ops-testing, or"
            + " -Dops.training=true for the packaging run");
  }
}
