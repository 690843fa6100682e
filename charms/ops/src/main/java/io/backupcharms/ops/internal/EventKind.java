package io.backupcharms.ops.internal;

import java.util.Optional;

/** Every hook kind the framework turns into an event. */
public enum EventKind {
  INSTALL("install"),
  START("start"),
  STOP("stop"),
  REMOVE("remove"),
  CONFIG_CHANGED("config-changed"),
  UPDATE_STATUS("update-status"),
  UPGRADE_CHARM("upgrade-charm"),
  LEADER_ELECTED("leader-elected"),
  LEADER_SETTINGS_CHANGED("leader-settings-changed"),
  RELATION_CREATED("relation-created"),
  RELATION_JOINED("relation-joined"),
  RELATION_CHANGED("relation-changed"),
  RELATION_DEPARTED("relation-departed"),
  RELATION_BROKEN("relation-broken"),
  SECRET_CHANGED("secret-changed"),
  SECRET_ROTATE("secret-rotate"),
  SECRET_EXPIRED("secret-expired"),
  SECRET_REMOVE("secret-remove");

  private final String jujuName;

  EventKind(String jujuName) {
    this.jujuName = jujuName;
  }

  /** Juju's name, e.g. {@code config-changed}; for relation kinds without the endpoint prefix. */
  public String jujuName() {
    return jujuName;
  }

  public boolean isRelation() {
    return jujuName.startsWith("relation-");
  }

  public boolean isSecret() {
    return jujuName.startsWith("secret-");
  }

  /**
   * The kind of a hook name such as {@code backup-relation-changed}; empty for hooks the framework
   * does not handle (storage, pebble, metrics), which are ignored.
   */
  public static Optional<EventKind> forHook(String hookName) {
    for (EventKind kind : values()) {
      if (kind.isRelation()
          ? hookName.endsWith("-" + kind.jujuName)
          : hookName.equals(kind.jujuName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * @throws IllegalArgumentException for a name that is not a kind
   */
  public static EventKind fromJujuName(String name) {
    for (EventKind kind : values()) {
      if (kind.jujuName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown event kind \"" + name + "\"");
  }
}
