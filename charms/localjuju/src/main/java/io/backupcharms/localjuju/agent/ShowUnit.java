package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.model.AppState;
import io.backupcharms.localjuju.model.MachineState;
import io.backupcharms.localjuju.model.RelationState;
import io.backupcharms.localjuju.model.UnitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code show-unit}: a unit with its relations' databags, in the shape of Juju's show-unit. */
final class ShowUnit {
  private ShowUnit() {}

  static Map<String, Object> of(Controller c, UnitState u) {
    AppState a = c.st.applications.get(u.app);
    MachineState m = c.st.machines.get(u.machine);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("charm", "local:" + a.charmName + "-" + a.charmRevision);
    info.put("leader", u.leader);
    info.put("life", u.dying ? "dying" : "alive");
    info.put("machine", u.machine);
    if (!u.ports.isEmpty()) {
      info.put("opened-ports", new ArrayList<>(u.ports));
    }
    if (!u.principal.isEmpty()) {
      info.put("principal", u.principal);
    }
    info.put("public-address", m == null ? "" : m.address);
    List<Object> rels = new ArrayList<>();
    for (RelationState r : c.st.relations.values()) {
      if (!r.created.contains(u.name)) {
        continue;
      }
      String remoteApp = r.remoteApp(u.app);
      Map<String, Object> rel = new LinkedHashMap<>();
      rel.put("relation-id", r.id);
      rel.put("endpoint", r.endpointOf(u.app).endpoint);
      rel.put(
          "related-endpoint",
          r.isPeer() ? r.endpointOf(u.app).endpoint : r.endpointOf(remoteApp).endpoint);
      rel.put("application-data", new TreeMap<>(r.appBags.getOrDefault(remoteApp, Map.of())));
      rel.put(
          "local-unit",
          Map.of(
              "in-scope", true, "data", new TreeMap<>(r.unitBags.getOrDefault(u.name, Map.of()))));
      Map<String, Object> related = new TreeMap<>();
      for (String other : r.joined.getOrDefault(u.name, new TreeSet<>())) {
        related.put(
            other,
            Map.of(
                "in-scope", true, "data", new TreeMap<>(r.unitBags.getOrDefault(other, Map.of()))));
      }
      if (!related.isEmpty()) {
        rel.put("related-units", related);
      }
      rels.add(rel);
    }
    if (!rels.isEmpty()) {
      info.put("relation-info", rels);
    }
    if (!a.version.isEmpty()) {
      info.put("workload-version", a.version);
    }
    return Map.of(u.name, info);
  }
}
