package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.files.Trees;
import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.machine.MachineHost;
import io.backupcharms.localjuju.model.AppState;
import io.backupcharms.localjuju.model.MachineState;
import io.backupcharms.localjuju.model.ModelState;
import io.backupcharms.localjuju.model.RelationState;
import io.backupcharms.localjuju.model.UnitState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Relation, unit and application teardown in Juju's order: departed for each remote unit, broken,
 * then stop and remove; subordinates first; machines stopped when their last unit goes. Call with
 * the model lock held.
 */
final class Teardown {
  private final Controller c;
  private final ModelState st;

  /** Applications being removed: they go once their last unit has run its remove hook. */
  private final Set<String> dyingApps = new HashSet<>();

  Teardown(Controller c) {
    this.c = c;
    this.st = c.st;
  }

  void removeRelation(String a, String b) {
    Endpoints.Pair pair = Endpoints.resolve(c, a, b);
    RelationState found = null;
    for (RelationState r : st.relations.values()) {
      if (!r.isPeer()
          && !r.dying
          && r.endpointOf(pair.a().app) != null
          && r.endpointOf(pair.b().app) != null
          && r.endpointOf(pair.a().app).endpoint.equals(pair.a().endpoint)
          && r.endpointOf(pair.b().app).endpoint.equals(pair.b().endpoint)) {
        found = r;
      }
    }
    if (found == null) {
      throw new Lifecycle.ModelError("relation " + pair.key() + " not found");
    }
    breakRelation(found);
  }

  /** Departs every member from every other, then breaks the relation on each side. */
  void breakRelation(RelationState r) {
    r.dying = true;
    if (r.created.isEmpty()) {
      st.relations.remove(r.id);
      return;
    }
    for (String unit : List.copyOf(r.created)) {
      UnitState u = st.unit(unit);
      if (u == null) {
        r.created.remove(unit);
        continue;
      }
      String ep = r.endpointOf(u.app).endpoint;
      List<Hook> hooks = new ArrayList<>();
      for (String other : r.joined.getOrDefault(unit, new TreeSet<>())) {
        hooks.add(
            Hook.relation(
                "departed", ep, r.id, other, other.substring(0, other.indexOf('/')), other));
      }
      hooks.add(Hook.relation("broken", ep, r.id, "", r.remoteApp(u.app), ""));
      c.queue(unit, hooks);
    }
  }

  /** After a unit's broken hook: it leaves the relation; the last one out deletes it. */
  void relationBrokenDone(String unit, int relationId) {
    RelationState r = st.relations.get(relationId);
    if (r == null) {
      return;
    }
    r.created.remove(unit);
    r.unitBags.remove(unit);
    r.joined.remove(unit);
    if (r.dying && r.created.isEmpty()) {
      st.relations.remove(relationId);
    }
    // A subordinate with no principal relation left goes away, as in Juju.
    UnitState u = st.unit(unit);
    if (u != null && !u.principal.isEmpty() && !u.dying && r.container) {
      boolean stillAttached =
          st.relations.values().stream()
              .anyMatch(
                  x ->
                      x.container
                          && !x.dying
                          && x.created.contains(unit)
                          && x.created.contains(u.principal));
      if (!stillAttached) {
        removeUnit(u);
      }
    }
  }

  /** Tears a unit down: its subordinates first, then departed/broken, stop, remove. */
  void removeUnit(UnitState u) {
    if (u.dying) {
      return;
    }
    u.dying = true;
    for (String sub : List.copyOf(u.subordinates)) {
      UnitState s = st.unit(sub);
      if (s != null) {
        removeUnit(s);
      }
    }
    List<Hook> hooks = new ArrayList<>();
    for (RelationState r : st.relations.values()) {
      if (!r.created.contains(u.name) || r.dying) {
        continue;
      }
      String ep = r.endpointOf(u.app).endpoint;
      for (String other : r.joined.getOrDefault(u.name, new TreeSet<>())) {
        hooks.add(
            Hook.relation(
                "departed", ep, r.id, other, other.substring(0, other.indexOf('/')), u.name));
      }
      hooks.add(Hook.relation("broken", ep, r.id, "", r.remoteApp(u.app), ""));
      for (Map.Entry<String, TreeSet<String>> e : r.joined.entrySet()) {
        if (!e.getKey().equals(u.name) && e.getValue().contains(u.name)) {
          UnitState v = st.unit(e.getKey());
          if (v != null) {
            c.queue(
                v.name,
                Hook.relation(
                    "departed", r.endpointOf(v.app).endpoint, r.id, u.name, u.app, u.name));
          }
        }
      }
    }
    hooks.add(Hook.plain("stop"));
    hooks.add(Hook.plain("remove"));
    c.queue(u.name, hooks);
    if (u.leader) {
      u.leader = false;
      AppState a = st.applications.get(u.app);
      a.units.values().stream()
          .filter(x -> !x.dying)
          .min(Comparator.comparing(x -> unitNumber(x.name)))
          .ifPresent(
              next -> {
                next.leader = true;
                c.queue(next.name, Hook.plain("leader-elected"));
              });
    }
  }

  private static int unitNumber(String unit) {
    return Integer.parseInt(unit.substring(unit.indexOf('/') + 1));
  }

  /**
   * After the remove hook: the unit is gone; an empty machine is stopped; a dying app with no units
   * goes.
   */
  void unitRemoved(String unit) {
    UnitState u = st.unit(unit);
    if (u == null) {
      return;
    }
    AppState a = st.applications.get(u.app);
    a.units.remove(unit);
    // As on Juju: a unit's own secrets go with it, and it no longer consumes any.
    st.secrets.values().removeIf(s -> s.ownerUnit.equals(unit));
    st.secrets.values().forEach(s -> s.consumers.remove(unit));
    for (RelationState r : List.copyOf(st.relations.values())) {
      r.created.remove(unit);
      r.unitBags.remove(unit);
      r.joined.remove(unit);
      r.joined.values().forEach(s -> s.remove(unit));
      if (r.dying && r.created.isEmpty()) {
        st.relations.remove(r.id);
      }
    }
    if (!u.principal.isEmpty()) {
      UnitState p = st.unit(u.principal);
      if (p != null) {
        p.subordinates.remove(unit);
      }
    }
    var q = c.queues.remove(unit);
    if (q != null) {
      q.close();
    }
    boolean machineUsed = st.allUnits().stream().anyMatch(x -> x.machine.equals(u.machine));
    if (!machineUsed) {
      MachineState m = st.machines.remove(u.machine);
      if (m != null) {
        MachineHost.stop(m.holderPid);
      }
    } else {
      stopOwnedServices(u);
    }
    deleteOrWarn(unit, c.modelDir.resolve("units").resolve(unit.replace('/', '-')));
    if (a.units.isEmpty() && dyingApps.contains(a.name)) {
      removeAppNow(a);
    }
  }

  /** Services the unit started via localjuju's systemctl die with it even if the machine stays. */
  private void stopOwnedServices(UnitState u) {
    MachineState m = st.machines.get(u.machine);
    if (m == null) {
      return;
    }
    List<String> cmd = new ArrayList<>(MachineHost.enter(m.holderPid, "/"));
    cmd.addAll(
        List.of(c.toolsDir.resolve("systemctl").toString(), "--localjuju-stop-owned", u.name));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      c.log(
          u.name,
          "WARNING",
          "localjuju",
          "cannot stop services of " + u.name + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void removeApplication(String name) {
    AppState a = st.applications.get(name);
    if (a == null) {
      throw new Lifecycle.ModelError("application " + Lifecycle.q(name) + " not found");
    }
    dyingApps.add(name);
    for (RelationState r : List.copyOf(st.relations.values())) {
      if (r.endpointOf(name) != null && !r.dying) {
        breakRelation(r);
      }
    }
    for (UnitState u : List.copyOf(a.units.values())) {
      if (u.principal.isEmpty()) {
        removeUnit(u);
      }
    }
    if (a.units.isEmpty()) {
      removeAppNow(a);
    }
  }

  private void removeAppNow(AppState a) {
    st.applications.remove(a.name);
    // As on Juju: the secrets an application owns are removed with it, so a new application of
    // the same name starts without them.
    st.secrets.values().removeIf(s -> a.name.equals(s.ownerApp));
    dyingApps.remove(a.name);
    st.relations.values().removeIf(r -> r.endpointOf(a.name) != null && r.created.isEmpty());
    deleteOrWarn(a.name, Path.of(a.charmDir));
    c.forgetMeta(a.name);
  }

  /**
   * A removed unit or application whose files cannot all be deleted stays removed (its hooks have
   * run): the model log and the controller log say what is left, instead of failing the teardown.
   */
  private void deleteOrWarn(String entity, Path dir) {
    try {
      Trees.delete(dir);
    } catch (IOException e) {
      String message = "files of " + entity + " left behind: " + e.getMessage();
      if (entity.contains("/")) {
        c.log(entity, "WARNING", "localjuju", message);
      } else {
        String time = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        c.appendLog(
            "application-"
                + entity
                + ": "
                + time
                + " WARNING application."
                + entity
                + ".localjuju "
                + message
                + "\n");
      }
      System.err.println("WARNING " + message);
    }
  }
}
