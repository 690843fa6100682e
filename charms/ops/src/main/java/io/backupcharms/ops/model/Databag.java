package io.backupcharms.ops.model;

import io.backupcharms.ops.hooktools.RelationDataAccessError;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One databag of a relation: string keys to string values. Reads come from {@code relation-get}
 * once per hook; writes go through {@code relation-set --file -} at once and become visible to the
 * remote side only if the hook succeeds.
 *
 * <p>Juju's rules are checked before any tool runs: only the leader writes (and reads) its own
 * application's bag, only this unit's own unit bag is writable, remote bags are read only.
 */
public final class Databag {
  private final Model model;
  private final Relation relation;
  private final String owner;
  private final boolean app;
  private final boolean local;
  private Map<String, String> cache;

  Databag(Model model, Relation relation, String owner, boolean app, boolean local) {
    this.model = model;
    this.relation = relation;
    this.owner = owner;
    this.app = app;
    this.local = local;
  }

  /** The value of a key, empty if unset. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(load().get(key));
  }

  /** A copy of the whole bag. */
  public Map<String, String> asMap() {
    return Map.copyOf(load());
  }

  /** Sets one key; an empty value deletes it, as in Juju. */
  public void set(String key, String value) {
    setAll(Map.of(key, value == null ? "" : value));
  }

  /** Sets several keys in one {@code relation-set}; empty values delete keys. */
  public void setAll(Map<String, String> values) {
    checkWritable();
    if (values.isEmpty()) {
      return;
    }
    for (String key : values.keySet()) {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException(
            "relation " + relation + ": databag keys must not be empty");
      }
    }
    model.tools().relationSet(relation.id(), app, values);
    if (cache != null) {
      values.forEach(
          (k, v) -> {
            if (v == null || v.isEmpty()) {
              cache.remove(k);
            } else {
              cache.put(k, v);
            }
          });
    }
  }

  /**
   * Makes the bag hold {@code wanted} for the keys this charm owns, in one {@code relation-set} of
   * only what differs, or none when nothing does: an owned key absent from {@code wanted} is
   * deleted, keys the charm does not own (and does not want) are left alone. Writing only changes
   * matters because every write fires relation-changed on the other side.
   *
   * @param wanted the values to hold; an empty value means absent
   * @param owned the keys this charm writes in this bag; the keys of {@code wanted} are owned too
   * @return whether anything was written
   */
  public boolean update(Map<String, String> wanted, Collection<String> owned) {
    Map<String, String> current = load();
    Set<String> keys = new LinkedHashSet<>(owned);
    keys.addAll(wanted.keySet());
    Map<String, String> changes = new LinkedHashMap<>();
    for (String key : keys) {
      String want = Objects.requireNonNullElse(wanted.get(key), "");
      if (!want.equals(current.getOrDefault(key, ""))) {
        changes.put(key, want);
      }
    }
    setAll(changes);
    return !changes.isEmpty();
  }

  /** Deletes a key. */
  public void remove(String key) {
    set(key, "");
  }

  private Map<String, String> load() {
    if (cache == null) {
      if (app && local && !model.isLeader()) {
        throw new RelationDataAccessError(
            "unit "
                + model.unit().name()
                + " is not the leader and cannot"
                + " read the application databag of "
                + owner
                + " in relation "
                + relation
                + "; only the leader can (check unit.isLeader())");
      }
      cache = new LinkedHashMap<>(model.tools().relationGet(relation.id(), owner, app));
    }
    return cache;
  }

  private void checkWritable() {
    if (!local) {
      throw new RelationDataAccessError(
          "relation "
              + relation
              + ": the databag of "
              + (app ? "application " : "unit ")
              + owner
              + " belongs to another "
              + (app ? "application" : "unit")
              + "; only "
              + model.unit().name()
              + "'s own unit bag"
              + " (and, on the leader, the "
              + model.app().name()
              + " application bag) can be written");
    }
    if (app && !model.isLeader()) {
      throw new RelationDataAccessError(
          "unit "
              + model.unit().name()
              + " is not the leader and cannot write"
              + " the application databag of "
              + owner
              + " in relation "
              + relation
              + "; write it only when unit.isLeader() is true");
    }
  }

  @Override
  public String toString() {
    return "databag of " + (app ? "application " : "unit ") + owner + " in " + relation;
  }
}
