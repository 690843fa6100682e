package io.backupcharms.localjuju.hooks;

/**
 * One hook (or action) to run on a unit, with exactly what Juju supplies in its environment. {@code
 * relationId} is -1 outside relation hooks; strings are empty when not applicable.
 */
public record Hook(
    String name,
    int relationId,
    String endpoint,
    String remoteUnit,
    String remoteApp,
    String departingUnit,
    String secretId,
    String secretLabel,
    int secretRevision,
    String actionId) {

  /** A hook with no relation, secret or action context ({@code install}, {@code start} ...). */
  public static Hook plain(String name) {
    return new Hook(name, -1, "", "", "", "", "", "", 0, "");
  }

  /** {@code <endpoint>-relation-<kind>} for relation {@code id}. */
  public static Hook relation(
      String kind, String endpoint, int id, String remoteUnit, String remoteApp, String departing) {
    return new Hook(
        endpoint + "-relation-" + kind,
        id,
        endpoint,
        remoteUnit,
        remoteApp,
        departing,
        "",
        "",
        0,
        "");
  }

  /** {@code secret-changed} and friends. */
  public static Hook secret(String name, String id, String label, int revision) {
    return new Hook(name, -1, "", "", "", "", id, label, revision, "");
  }

  /** An action task. */
  public static Hook action(String actionName, String actionId) {
    return new Hook(actionName, -1, "", "", "", "", "", "", 0, actionId);
  }

  /**
   * True for a hook that says "something changed, look again": Juju's uniter compares what it last
   * ran against the current state, so several changes before it gets to run make one hook.
   */
  public boolean coalesces() {
    return !isAction()
        && (name.endsWith("-relation-changed")
            || name.equals("config-changed")
            || name.equals("update-status")
            || name.equals("leader-settings-changed")
            || name.equals("secret-changed"));
  }

  /** True for an action task rather than a hook. */
  public boolean isAction() {
    return !actionId.isEmpty();
  }
}
