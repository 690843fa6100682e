package io.backupcharms.server.secrets;

import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.hooktools.SecretNotFoundError;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Secret;
import io.backupcharms.ops.model.Unit;
import io.backupcharms.schema.UnitPasswords;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds or creates the application's password secrets, by label. Only the leader creates; a
 * non-leader unit gets empty until the leader has.
 */
public final class PasswordSecrets {

  /** The content key of every password secret (the {@code bacula_dir} contract). */
  public static final String KEY = "password";

  /** Label of the Director's console password. */
  public static final String CONSOLE = "bacula-console";

  /** Label of the Storage Daemon password. */
  public static final String STORAGE = "bacula-storage";

  private final Model model;

  public PasswordSecrets(Model model) {
    this.model = model;
  }

  /** The label of a {@code bacula-dir} relation's secret: {@code relation-<id>}. */
  public static String relationLabel(int relationId) {
    return "relation-" + relationId;
  }

  /**
   * The password under {@code label}, created by the leader when missing.
   *
   * @return empty on a non-leader unit before the leader created it
   */
  public Optional<String> password(String label, String description) {
    return secret(label, description).map(s -> s.getContent().get(KEY));
  }

  /**
   * The secret for one relation, created and granted to it by the leader.
   *
   * @return the secret, or empty on a non-leader unit before the leader created it
   */
  public Optional<Secret> relationSecret(Relation relation) {
    Optional<Secret> secret =
        secret(relationLabel(relation.id()), relationDescription(relation.id()));
    if (secret.isPresent() && model.unit().isLeader()) {
      // Granting again is harmless and repairs a grant lost with a failed hook.
      secret.get().grant(relation);
    }
    return secret;
  }

  /**
   * The password of one relation's File Daemons, if the leader has created it. Only reads: the
   * secret is created and granted by reconciling the relation, never by an action.
   */
  public Optional<String> relationPassword(int relationId) {
    return existing(relationLabel(relationId)).map(s -> s.getContent().get(KEY));
  }

  /**
   * The label of one File Daemon unit's own secret: {@code fd-<relation id>-<unit with / as ->}.
   */
  public static String unitLabel(int relationId, String unit) {
    return "fd-" + relationId + "-" + unit.replace('/', '-');
  }

  /**
   * Each remote unit's own secret on {@code relation}, created and granted to that unit alone by
   * the leader: the relation's secret is readable by every unit of the relation, so a sibling could
   * log in to a File Daemon that accepts it.
   *
   * @return unit name to secret id, for the units whose secret exists
   */
  public Map<String, String> unitSecrets(Relation relation) {
    Map<String, String> ids = new TreeMap<>();
    for (Unit unit : relation.units()) {
      Optional<Secret> secret =
          secret(
              unitLabel(relation.id(), unit.name()),
              "Password of the File Daemon "
                  + unit.name()
                  + " on relation bacula-dir:"
                  + relation.id());
      if (secret.isEmpty()) {
        continue;
      }
      if (model.unit().isLeader()) {
        secret.get().grant(relation, unit);
      }
      ids.put(unit.name(), secret.get().id().orElseGet(() -> secret.get().info().id()));
    }
    return ids;
  }

  /**
   * The password the Director pairs with one File Daemon unit by: its unit's own when its bag says
   * it accepts only that ({@link UnitPasswords#usesUnitPassword}), else the relation's, which
   * Canonical's bacula-fd and older units use. Only reads.
   */
  public Optional<String> clientPassword(Relation relation, String unit) {
    return UnitPasswords.usesUnitPassword(relation.remoteUnitData(model.unitNamed(unit)).asMap())
        ? ownPassword(relation, unit)
        : relationPassword(relation.id());
  }

  /**
   * The password a File Daemon unit's configuration holds now, if the leader has created its
   * secret: after {@code rotate-passwords}, the previous one until the unit's bag says it applied
   * the new one. Only reads.
   */
  public Optional<String> ownPassword(Relation relation, String unit) {
    Map<String, String> bag = relation.remoteUnitData(model.unitNamed(unit)).asMap();
    return existing(unitLabel(relation.id(), unit)).map(s -> accepted(s.getContent(), bag));
  }

  /** Of a unit secret's passwords, the one the File Daemon whose bag is {@code bag} accepts. */
  static String accepted(Map<String, String> content, Map<String, String> bag) {
    String current = content.get(KEY);
    String previous = content.get(UnitPasswords.SECRET_PREVIOUS_PASSWORD);
    boolean applied = UnitPasswords.fingerprint(current).equals(bag.get(UnitPasswords.APPLIED_KEY));
    return previous != null && !applied ? previous : current;
  }

  /**
   * Gives a File Daemon unit a new password, keeping the one it accepts now as {@code
   * previous-password} until it applied the new one.
   */
  public static void rotate(Secret unitSecret) {
    Map<String, String> content = new HashMap<>(unitSecret.getContent());
    content.putIfAbsent(UnitPasswords.SECRET_PREVIOUS_PASSWORD, content.get(KEY));
    content.put(KEY, Passwords.generate());
    unitSecret.setContent(content);
  }

  /**
   * Drops {@code previous-password} once the unit applied the new one, so the old password opens
   * nothing and is kept nowhere.
   */
  public static void forgetPrevious(Secret unitSecret, Map<String, String> bag) {
    Map<String, String> content = unitSecret.getContent();
    if (content.containsKey(UnitPasswords.SECRET_PREVIOUS_PASSWORD)
        && UnitPasswords.fingerprint(content.get(KEY)).equals(bag.get(UnitPasswords.APPLIED_KEY))) {
      Map<String, String> next = new HashMap<>(content);
      next.remove(UnitPasswords.SECRET_PREVIOUS_PASSWORD);
      unitSecret.setContent(next);
    }
  }

  /** A File Daemon unit's own secret, if the leader has created it. */
  public Optional<Secret> unitSecret(Relation relation, String unit) {
    return existing(unitLabel(relation.id(), unit));
  }

  /** Removes a unit's own secret (its unit departed); a missing secret is fine. */
  public void removeUnitSecret(String label) {
    try {
      model.secretByLabel(label).remove();
    } catch (SecretNotFoundError e) {
      // Already gone: nothing to clean up.
    }
  }

  private static String relationDescription(int relationId) {
    return "Password of the File Daemons on relation bacula-dir:" + relationId;
  }

  /** Removes a relation's secret (its relation is gone); a missing secret is fine. */
  public void removeRelationSecret(int relationId) {
    try {
      model.secretByLabel(relationLabel(relationId)).remove();
    } catch (SecretNotFoundError e) {
      // Already gone: nothing to clean up.
    }
  }

  private Optional<Secret> secret(String label, String description) {
    Optional<Secret> existing = existing(label);
    if (existing.isPresent() || !model.unit().isLeader()) {
      return existing;
    }
    try {
      return Optional.of(
          model.app().addSecret(Map.of(KEY, Passwords.generate()), label, description));
    } catch (ModelError e) {
      throw new ModelError("cannot create the secret \"" + label + "\": " + e.getMessage(), e);
    }
  }

  private Optional<Secret> existing(String label) {
    Secret secret = model.secretByLabel(label);
    try {
      return secret.getContent().get(KEY) != null ? Optional.of(secret) : Optional.empty();
    } catch (SecretNotFoundError e) {
      return Optional.empty();
    }
  }
}
