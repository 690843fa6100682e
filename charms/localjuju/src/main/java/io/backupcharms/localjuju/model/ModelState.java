package io.backupcharms.localjuju.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The whole state of one model; see the package documentation for who may change it. */
public final class ModelState {
  public String name;
  public String uuid;

  /** Third octet of the machines' loopback addresses, 127.0.BLOCK.N. */
  public int block;

  public int nextMachine;
  public int nextRelation;
  public int nextOperation = 1;

  /**
   * Model config {@code update-status-hook-interval}: 5m, Juju's default, for a new model; empty
   * (localjuju only) turns the timer off, for tests that want only the hooks they cause.
   */
  public String updateStatusInterval = "5m";

  /**
   * Model config {@code automatically-retry-hooks}: retry failed hooks with backoff, as Juju.
   * Volatile: unit queues read it without the model lock.
   */
  public volatile boolean automaticallyRetryHooks = true;

  /**
   * Model config {@code localjuju-grant-delay} (localjuju only; empty: none): a grant committed by
   * a hook lets the consumer read the secret only this long after the relation data that names it,
   * so tests can make the secret-grant race happen on purpose.
   */
  public String grantDelay = "";

  public Map<String, MachineState> machines = new TreeMap<>();
  public Map<String, AppState> applications = new TreeMap<>();
  public Map<Integer, RelationState> relations = new TreeMap<>();
  public Map<String, SecretState> secrets = new TreeMap<>();
  public Map<String, ActionState> actions = new TreeMap<>();

  /** The unit called {@code name}, or null. */
  public UnitState unit(String unitName) {
    int slash = unitName.indexOf('/');
    if (slash < 0) {
      return null;
    }
    AppState app = applications.get(unitName.substring(0, slash));
    return app == null ? null : app.units.get(unitName);
  }

  /** Every unit of the model, principals and subordinates. */
  public List<UnitState> allUnits() {
    List<UnitState> all = new ArrayList<>();
    applications.values().forEach(a -> all.addAll(a.units.values()));
    return all;
  }
}
