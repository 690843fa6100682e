package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.charm.CharmReader;
import io.backupcharms.localjuju.charm.CharmRedeploy;
import io.backupcharms.localjuju.charm.CharmUnpacker;
import io.backupcharms.localjuju.files.Trees;
import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.machine.MachineHost;
import io.backupcharms.localjuju.model.AppState;
import io.backupcharms.localjuju.model.MachineState;
import io.backupcharms.localjuju.model.ModelState;
import io.backupcharms.localjuju.model.RelationState;
import io.backupcharms.localjuju.model.UnitState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Model growth and the hooks it queues, in Juju's order: deploy, unit setup, refresh and integrate
 * (with subordinate placement); {@link Teardown} does the reverse. Call with the model lock held.
 */
final class Lifecycle {
  static final String JUJU_VERSION = "3.6.4";
  private final Controller c;
  private final ModelState st;

  Lifecycle(Controller c) {
    this.c = c;
    this.st = c.st;
  }

  /** A failure the CLI reports as {@code ERROR <message>}. */
  static final class ModelError extends RuntimeException {
    ModelError(String message) {
      super(message);
    }
  }

  /** {@code deploy}: {@code base} is the one asked for with {@code --base}, or null. */
  AppState deploy(Path charm, String name, int n, Map<String, String> config, String base)
      throws IOException {
    Path staging = c.modelDir.resolve("charms").resolve(".staging-" + System.nanoTime());
    CharmUnpacker.unpack(charm, staging);
    CharmMeta meta = CharmReader.read(staging);
    String app = name == null ? meta.name() : name;
    if (st.applications.containsKey(app)) {
      deleteTree(staging);
      throw new ModelError("cannot add application " + q(app) + ": application already exists");
    }
    String chosenBase;
    Map<String, Object> parsed;
    try {
      chosenBase = Bases.forDeploy(meta, base);
      parsed = Config.parse(meta, config);
    } catch (RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
    Path dir = c.modelDir.resolve("charms").resolve(app);
    deleteTree(dir);
    Files.move(staging, dir);
    AppState a = new AppState();
    a.name = app;
    a.charmName = meta.name();
    a.charmDir = dir.toString();
    a.subordinate = meta.subordinate();
    a.base = chosenBase;
    a.config.putAll(parsed);
    a.status = "";
    st.applications.put(app, a);
    c.forgetMeta(app);
    for (CharmMeta.Endpoint ep : meta.endpoints().values()) {
      if (ep.role() == CharmMeta.Role.PEER) {
        RelationState r = new RelationState();
        r.id = st.nextRelation++;
        r.iface = ep.iface();
        r.endpoints.add(new RelationState.EndpointRef(app, ep.name(), "peer", ep.iface()));
        st.relations.put(r.id, r);
      }
    }
    if (!a.subordinate) {
      try {
        for (int i = 0; i < n; i++) {
          addUnit(a, null, null);
        }
      } catch (IOException | RuntimeException e) {
        // A deploy that could not place its units leaves nothing behind.
        for (UnitState u : List.copyOf(a.units.values())) {
          c.queues.computeIfPresent(
              u.name,
              (k, q) -> {
                q.close();
                return null;
              });
          MachineState m = st.machines.remove(u.machine);
          if (m != null) {
            MachineHost.stop(m.holderPid);
          }
        }
        st.relations.values().removeIf(r -> r.endpointOf(app) != null);
        st.applications.remove(app);
        throw e;
      }
    }
    return a;
  }

  /**
   * {@code refresh --path}: the new charm replaces the application's and every unit's copy, then
   * each unit runs upgrade-charm and config-changed, as in Juju.
   */
  void refresh(String app, Path charm) throws IOException {
    AppState a = st.applications.get(app);
    if (a == null) {
      throw new ModelError("application " + q(app) + " not found");
    }
    Path staging = c.modelDir.resolve("charms").resolve(".staging-" + System.nanoTime());
    CharmUnpacker.unpack(charm, staging);
    CharmMeta meta = CharmReader.read(staging);
    if (!meta.name().equals(a.charmName)) {
      deleteTree(staging);
      throw new ModelError(
          "cannot refresh " + q(app) + ": charm " + q(meta.name()) + " is not " + q(a.charmName));
    }
    try {
      Bases.requireSupported(meta, Bases.shown(a.base));
    } catch (ModelError e) {
      deleteTree(staging);
      throw new ModelError(
          "cannot upgrade application "
              + q(app)
              + " to charm "
              + q("local:" + meta.name() + "-" + (a.charmRevision + 1))
              + ": "
              + e.getMessage());
    }
    Path dir = Path.of(a.charmDir);
    Set<String> oldManifest = CharmRedeploy.manifest(dir);
    deleteTree(dir);
    Files.move(staging, dir);
    a.charmRevision++;
    c.forgetMeta(app);
    for (UnitState u : a.units.values()) {
      Path unitCharm =
          c.modelDir.resolve("units").resolve(u.name.replace('/', '-')).resolve("charm");
      CharmRedeploy.redeploy(oldManifest, dir, unitCharm);
      c.queue(u.name, List.of(Hook.plain("upgrade-charm"), Hook.plain("config-changed")));
    }
  }

  /** Adds a unit on a new machine, or on {@code machine} next to {@code principal}. */
  UnitState addUnit(AppState a, String machine, UnitState principal) throws IOException {
    UnitState u = new UnitState();
    u.name = a.name + "/" + a.nextUnit++;
    u.app = a.name;
    u.leader = a.units.isEmpty();
    String now = Instant.now().toString();
    u.workloadSince = now;
    u.agentSince = now;
    if (machine == null) {
      machine = startMachine(Bases.shown(a.base)).id;
    }
    u.machine = machine;
    if (principal != null) {
      u.principal = principal.name;
      principal.subordinates.add(u.name);
    }
    Path unitDir = c.modelDir.resolve("units").resolve(u.name.replace('/', '-'));
    deleteTree(unitDir);
    CharmUnpacker.unpack(Path.of(a.charmDir), unitDir.resolve("charm"));
    a.units.put(u.name, u);
    List<Hook> setup = new ArrayList<>();
    setup.add(Hook.plain("install"));
    List<RelationState> rels = new ArrayList<>();
    for (RelationState r : st.relations.values()) {
      if (r.dying || r.endpointOf(a.name) == null) {
        continue;
      }
      if (r.container && !r.isPeer() && !hasCounterpartOnMachine(r, a.name, machine)) {
        continue;
      }
      rels.add(r);
      setup.add(
          Hook.relation(
              "created", r.endpointOf(a.name).endpoint, r.id, "", r.remoteApp(a.name), ""));
      enterScope(r, u);
    }
    setup.add(Hook.plain(u.leader ? "leader-elected" : "leader-settings-changed"));
    setup.add(Hook.plain("config-changed"));
    setup.add(Hook.plain("start"));
    c.queue(u.name, setup);
    for (RelationState r : rels) {
      if (r.container && !r.isPeer()) {
        enterCounterparts(r, u);
      }
      joinAll(r, u);
    }
    if (principal == null && !a.subordinate) {
      addSubordinates(u);
    }
    return u;
  }

  /**
   * As Juju does, a principal unit added to an application that already has container-scoped
   * relations gets a unit of each subordinate application on its machine.
   */
  private void addSubordinates(UnitState principal) throws IOException {
    for (RelationState r : List.copyOf(st.relations.values())) {
      if (r.dying || !r.container || r.isPeer() || r.endpointOf(principal.app) == null) {
        continue;
      }
      AppState sub = st.applications.get(r.remoteApp(principal.app));
      if (sub != null
          && sub.subordinate
          && sub.units.values().stream()
              .noneMatch(x -> x.machine.equals(principal.machine) && !x.dying)) {
        addUnit(sub, principal.machine, principal);
      }
    }
  }

  /**
   * The units on {@code u}'s machine that skipped container relation {@code r} because their
   * counterpart was not there yet (a principal before its subordinate, one subordinate before
   * another) enter it now, so {@link #joinAll} pairs them with {@code u}.
   */
  private void enterCounterparts(RelationState r, UnitState u) {
    AppState other = st.applications.get(r.remoteApp(u.app));
    if (other == null) {
      return;
    }
    for (UnitState v : List.copyOf(other.units.values())) {
      if (!v.dying && v.machine.equals(u.machine) && !r.created.contains(v.name)) {
        c.queue(
            v.name,
            Hook.relation(
                "created", r.endpointOf(v.app).endpoint, r.id, "", r.remoteApp(v.app), ""));
        enterScope(r, v);
      }
    }
  }

  private boolean hasCounterpartOnMachine(RelationState r, String app, String machine) {
    String other = r.remoteApp(app);
    AppState oa = st.applications.get(other);
    return oa != null
        && oa.units.values().stream().anyMatch(x -> x.machine.equals(machine) && !x.dying);
  }

  private void enterScope(RelationState r, UnitState u) {
    r.created.add(u.name);
    String addr = st.machines.get(u.machine).address;
    Map<String, String> bag = r.unitBags.computeIfAbsent(u.name, k -> new TreeMap<>());
    bag.put("egress-subnets", addr + "/32");
    bag.put("ingress-address", addr);
    bag.put("private-address", addr);
  }

  /** Queues joined+changed between {@code u} and every counterpart already in scope. */
  private void joinAll(RelationState r, UnitState u) {
    for (String other : List.copyOf(r.created)) {
      if (other.equals(u.name)) {
        continue;
      }
      UnitState v = st.unit(other);
      if (v == null || v.dying) {
        continue;
      }
      boolean remote = r.isPeer() ? v.app.equals(u.app) : !v.app.equals(u.app);
      if (!remote || (r.container && !v.machine.equals(u.machine))) {
        continue;
      }
      queueJoin(r, u, v);
      queueJoin(r, v, u);
    }
  }

  private void queueJoin(RelationState r, UnitState to, UnitState remote) {
    String ep = r.endpointOf(to.app).endpoint;
    c.queue(
        to.name,
        List.of(
            Hook.relation("joined", ep, r.id, remote.name, remote.app, ""),
            Hook.relation("changed", ep, r.id, remote.name, remote.app, "")));
  }

  MachineState startMachine(String base) throws IOException {
    MachineState m = new MachineState();
    m.id = Integer.toString(st.nextMachine++);
    m.base = base;
    m.address = "127.0." + st.block + "." + (Integer.parseInt(m.id) + 1);
    MachineHost.Running run = c.machines.start(c.modelDir.resolve("machines").resolve(m.id));
    m.holderPid = run.holderPid();
    m.unsharePid = run.unsharePid();
    st.machines.put(m.id, m);
    return m;
  }

  RelationState integrate(String a, String b) throws IOException {
    Endpoints.Pair pair = Endpoints.resolve(c, a, b);
    for (RelationState r : st.relations.values()) {
      if (!r.isPeer()
          && r.endpointOf(pair.a().app) != null
          && r.endpointOf(pair.b().app) != null
          && r.endpointOf(pair.a().app).endpoint.equals(pair.a().endpoint)
          && r.endpointOf(pair.b().app).endpoint.equals(pair.b().endpoint)) {
        throw new ModelError("relation " + pair.key() + " already exists");
      }
    }
    RelationLimits.check(c, pair);
    Bases.checkContainerRelation(c, pair);
    RelationState r = new RelationState();
    r.id = st.nextRelation++;
    r.iface = pair.a().iface;
    r.container = pair.container();
    r.endpoints.add(pair.a());
    r.endpoints.add(pair.b());
    st.relations.put(r.id, r);
    AppState aa = st.applications.get(pair.a().app);
    AppState ba = st.applications.get(pair.b().app);
    // A subordinate gets a unit next to each principal unit of a container-scoped relation.
    if (r.container && aa.subordinate != ba.subordinate) {
      AppState sub = aa.subordinate ? aa : ba;
      AppState principal = aa.subordinate ? ba : aa;
      for (UnitState p : List.copyOf(principal.units.values())) {
        if (p.dying) {
          continue;
        }
        boolean has = sub.units.values().stream().anyMatch(x -> x.machine.equals(p.machine));
        if (!has) {
          addUnit(sub, p.machine, p);
        }
      }
    }
    List<UnitState> entering = new ArrayList<>();
    for (AppState app : List.of(aa, ba)) {
      for (UnitState u : app.units.values()) {
        if (u.dying || r.created.contains(u.name)) {
          continue;
        }
        if (r.container && !hasCounterpartOnMachine(r, app.name, u.machine)) {
          continue;
        }
        c.queue(
            u.name,
            Hook.relation(
                "created", r.endpointOf(app.name).endpoint, r.id, "", r.remoteApp(app.name), ""));
        enterScope(r, u);
        entering.add(u);
      }
    }
    for (UnitState u : entering) {
      for (String other : List.copyOf(r.created)) {
        UnitState v = st.unit(other);
        if (v == null || v.app.equals(u.app) || (r.container && !v.machine.equals(u.machine))) {
          continue;
        }
        // Each pair once: queue from the side that sorts first, or when the other was already in.
        if (entering.contains(v) && u.name.compareTo(v.name) > 0) {
          continue;
        }
        queueJoin(r, u, v);
        queueJoin(r, v, u);
      }
    }
    return r;
  }

  /**
   * Deletes a tree the model owns before it is reused; failing loudly, since a later deploy would
   * otherwise see the stale files.
   */
  static void deleteTree(Path p) {
    try {
      Trees.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  static String q(String s) {
    return "\"" + s + "\"";
  }
}
