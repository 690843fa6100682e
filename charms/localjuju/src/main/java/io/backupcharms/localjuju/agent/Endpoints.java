package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.model.AppState;
import io.backupcharms.localjuju.model.RelationState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Juju's endpoint resolution for {@code integrate a[:ep] b[:ep]}: by interface and role. */
final class Endpoints {
  private Endpoints() {}

  /** The two sides, and whether the relation is container-scoped. */
  record Pair(
      RelationState.EndpointRef a,
      RelationState.EndpointRef b,
      boolean container,
      boolean implicit) {
    String key() {
      return a.app + ":" + a.endpoint + " " + b.app + ":" + b.endpoint;
    }

    /**
     * Juju's relation key, which its {@code cannot add relation} errors quote: the requirer first,
     * then the provider, whatever order the user gave.
     */
    String jujuKey() {
      boolean swap = a.role.equals("provider") && b.role.equals("requirer");
      RelationState.EndpointRef first = swap ? b : a;
      RelationState.EndpointRef second = swap ? a : b;
      return first.app + ":" + first.endpoint + " " + second.app + ":" + second.endpoint;
    }
  }

  static Pair resolve(Controller c, String left, String right) {
    String[] l = split(left);
    String[] r = split(right);
    AppState la = app(c, l[0]);
    AppState ra = app(c, r[0]);
    CharmMeta lm = c.meta(la.name);
    CharmMeta rm = c.meta(ra.name);
    List<Pair> candidates = new ArrayList<>();
    for (CharmMeta.Endpoint le : lm.endpoints().values()) {
      if (l[1] != null && !l[1].equals(le.name())) {
        continue;
      }
      for (CharmMeta.Endpoint re : rm.endpoints().values()) {
        if (r[1] != null && !r[1].equals(re.name())) {
          continue;
        }
        if (!le.iface().equals(re.iface())
            || le.role() == CharmMeta.Role.PEER
            || re.role() == CharmMeta.Role.PEER
            || le.role() == re.role()) {
          continue;
        }
        boolean container = le.containerScope() || re.containerScope();
        boolean implicit =
            le.name().equals("juju-info") && le.role() == CharmMeta.Role.PROVIDER
                || re.name().equals("juju-info") && re.role() == CharmMeta.Role.PROVIDER;
        candidates.add(new Pair(ref(la.name, le), ref(ra.name, re), container, implicit));
      }
    }
    if (candidates.size() > 1) {
      // As Juju does: explicit endpoints win over the implicit juju-info.
      List<Pair> explicit = candidates.stream().filter(p -> !p.implicit()).toList();
      if (!explicit.isEmpty()) {
        candidates = new ArrayList<>(explicit);
      }
    }
    if (candidates.isEmpty()) {
      throw new Lifecycle.ModelError(
          "no relations found between "
              + Lifecycle.q(left)
              + " and "
              + Lifecycle.q(right)
              + "; check the endpoints' interfaces with the charms' metadata.yaml");
    }
    candidates.sort(Comparator.comparing(Pair::key));
    if (candidates.size() > 1) {
      StringBuilder sb =
          new StringBuilder(
              "ambiguous relation: " + Lifecycle.q(left + " " + right) + " could refer to ");
      for (int i = 0; i < candidates.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(Lifecycle.q(candidates.get(i).key()));
      }
      throw new Lifecycle.ModelError(sb.toString());
    }
    return candidates.get(0);
  }

  private static RelationState.EndpointRef ref(String app, CharmMeta.Endpoint e) {
    return new RelationState.EndpointRef(
        app, e.name(), e.role() == CharmMeta.Role.PROVIDER ? "provider" : "requirer", e.iface());
  }

  private static String[] split(String s) {
    int colon = s.indexOf(':');
    return colon < 0
        ? new String[] {s, null}
        : new String[] {s.substring(0, colon), s.substring(colon + 1)};
  }

  private static AppState app(Controller c, String name) {
    AppState a = c.st.applications.get(name);
    if (a == null) {
      throw new Lifecycle.ModelError("application " + Lifecycle.q(name) + " not found");
    }
    return a;
  }
}
