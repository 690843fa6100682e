package io.backupcharms.ops.testing;

import java.util.HashMap;
import java.util.Map;

/** Builds {@link Trigger}s: {@code ctx.on().relationChanged(db, "remote/0")}. */
public final class On {
  On() {}

  public Trigger install() {
    return hook("install");
  }

  public Trigger start() {
    return hook("start");
  }

  public Trigger stop() {
    return hook("stop");
  }

  public Trigger remove() {
    return hook("remove");
  }

  public Trigger configChanged() {
    return hook("config-changed");
  }

  public Trigger updateStatus() {
    return hook("update-status");
  }

  public Trigger upgradeCharm() {
    return hook("upgrade-charm");
  }

  public Trigger leaderElected() {
    return hook("leader-elected");
  }

  public Trigger relationCreated(RelationState relation) {
    return relation(relation, "relation-created", null, null);
  }

  public Trigger relationJoined(RelationState relation, String remoteUnit) {
    return relation(relation, "relation-joined", remoteUnit, null);
  }

  /** A change of the remote application's bag (no remote unit). */
  public Trigger relationChanged(RelationState relation) {
    return relation(relation, "relation-changed", null, null);
  }

  /** A change of one remote unit's bag. */
  public Trigger relationChanged(RelationState relation, String remoteUnit) {
    return relation(relation, "relation-changed", remoteUnit, null);
  }

  /** {@code remoteUnit} left; {@code departingUnit} is the unit going away (often the same). */
  public Trigger relationDeparted(RelationState relation, String remoteUnit, String departingUnit) {
    return relation(relation, "relation-departed", remoteUnit, departingUnit);
  }

  public Trigger relationBroken(RelationState relation) {
    return relation(relation, "relation-broken", null, null);
  }

  public Trigger secretChanged(SecretState secret) {
    return secret("secret-changed", secret, secret.revision());
  }

  public Trigger secretRotate(SecretState secret) {
    return secret("secret-rotate", secret, 0);
  }

  public Trigger secretExpired(SecretState secret, int revision) {
    return secret("secret-expired", secret, revision);
  }

  public Trigger secretRemove(SecretState secret, int revision) {
    return secret("secret-remove", secret, revision);
  }

  /** An action with its parameters (as {@code juju run} would pass them, already typed). */
  public Trigger action(String name, Map<String, Object> params) {
    return new Trigger(
        "actions/" + name, Map.of("JUJU_ACTION_NAME", name, "JUJU_ACTION_UUID", "1"), params);
  }

  private static Trigger hook(String name) {
    return new Trigger("hooks/" + name, Map.of(), Map.of());
  }

  private static Trigger relation(
      RelationState r, String kind, String remoteUnit, String departing) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_RELATION", r.endpoint());
    env.put("JUJU_RELATION_ID", r.relationId());
    if (r.remoteApp() != null) {
      env.put("JUJU_REMOTE_APP", r.remoteApp());
    }
    if (remoteUnit != null) {
      env.put("JUJU_REMOTE_UNIT", remoteUnit);
      env.putIfAbsent("JUJU_REMOTE_APP", remoteUnit.substring(0, remoteUnit.indexOf('/')));
    }
    if (departing != null) {
      env.put("JUJU_DEPARTING_UNIT", departing);
    }
    return new Trigger("hooks/" + r.endpoint() + "-" + kind, env, Map.of());
  }

  private static Trigger secret(String kind, SecretState s, int revision) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_SECRET_ID", s.id());
    if (s.label() != null) {
      env.put("JUJU_SECRET_LABEL", s.label());
    }
    if (revision > 0) {
      env.put("JUJU_SECRET_REVISION", Integer.toString(revision));
    }
    return new Trigger("hooks/" + kind, env, Map.of());
  }
}
