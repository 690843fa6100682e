package io.backupcharms.localjuju.tools;

import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.model.ModelState;
import io.backupcharms.localjuju.model.RelationState;
import io.backupcharms.localjuju.model.SecretState;
import io.backupcharms.localjuju.model.UnitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a successful hook's held writes to the model and names the hooks they cause elsewhere.
 */
public final class Commit {
  /** A hook to queue on a unit as a consequence of a commit. */
  public record Queued(String unit, Hook hook) {}

  private Commit() {}

  /** Applies the writes of {@code ctx}; call with the model lock held. */
  public static List<Queued> apply(HookContext ctx) {
    ModelState st = ctx.agent.state();
    List<Queued> out = new ArrayList<>();
    UnitState self = st.unit(ctx.unit);
    if (self == null) {
      return out;
    }
    ctx.unitBagWrites.forEach(
        (id, writes) -> {
          RelationState r = st.relations.get(id);
          if (r == null) {
            return;
          }
          Map<String, String> bag = r.unitBags.computeIfAbsent(ctx.unit, k -> new TreeMap<>());
          Map<String, String> before = new TreeMap<>(bag);
          RelationTools.apply(bag, writes);
          // A dying relation's units are leaving scope: Juju runs no relation-changed after that.
          if (before.equals(bag) || r.dying) {
            return;
          }
          r.joined.forEach(
              (unit, seen) -> {
                if (seen.contains(ctx.unit)) {
                  String ep = r.endpointOf(unit.substring(0, unit.indexOf('/'))).endpoint;
                  out.add(
                      new Queued(unit, Hook.relation("changed", ep, id, ctx.unit, ctx.app, "")));
                }
              });
        });
    ctx.appBagWrites.forEach(
        (id, writes) -> {
          RelationState r = st.relations.get(id);
          if (r == null) {
            return;
          }
          Map<String, String> bag = r.appBags.computeIfAbsent(ctx.app, k -> new TreeMap<>());
          Map<String, String> before = new TreeMap<>(bag);
          RelationTools.apply(bag, writes);
          if (before.equals(bag) || r.dying) {
            return;
          }
          for (String unit : r.created) {
            String unitApp = unit.substring(0, unit.indexOf('/'));
            boolean remote = r.isPeer() ? !unit.equals(ctx.unit) : !unitApp.equals(ctx.app);
            UnitState u = st.unit(unit);
            if (remote && u != null && (!r.container || u.machine.equals(self.machine))) {
              out.add(
                  new Queued(
                      unit,
                      Hook.relation(
                          "changed", r.endpointOf(unitApp).endpoint, id, "", ctx.app, "")));
            }
          }
        });
    for (String[] op : ctx.portOps) {
      if (op[0].equals("open")) {
        self.ports.add(op[1]);
      } else {
        self.ports.remove(op[1]);
      }
    }
    ctx.stateWrites.forEach(
        (k, v) -> {
          if (v == null) {
            self.state.remove(k);
          } else {
            self.state.put(k, v);
          }
        });
    ctx.pendingSecrets.forEach(
        (id, pending) -> {
          // Consumers' tracked revisions are the controller's: they changed live while this hook
          // ran
          // (a first secret-get elsewhere), and the owner's copy must not put back older ones.
          SecretState committed = st.secrets.get(id);
          if (committed != null) {
            pending.consumers = committed.consumers;
          }
          delayNewGrants(ctx.agent.grantDelayMillis(), committed, pending);
          st.secrets.put(id, pending);
        });
    ctx.removedSecrets.forEach(st.secrets::remove);
    for (String id : ctx.revisedSecrets) {
      SecretState s = st.secrets.get(id);
      if (s == null) {
        continue;
      }
      s.consumers.forEach(
          (unit, c) -> {
            if (st.unit(unit) != null && c.revision < s.latest) {
              out.add(new Queued(unit, Hook.secret("secret-changed", "secret:" + id, c.label, 0)));
            }
          });
    }
    return out;
  }

  /** A grant this hook made takes effect {@code localjuju-grant-delay} after the commit. */
  private static void delayNewGrants(long delayMillis, SecretState committed, SecretState pending) {
    if (delayMillis <= 0) {
      return;
    }
    long at = System.currentTimeMillis() + delayMillis;
    pending.grants.forEach(
        (relation, g) -> {
          SecretState.Grant before = committed == null ? null : committed.grants.get(relation);
          boolean same = before != null && before.app.equals(g.app) && before.unit.equals(g.unit);
          g.notBefore = same ? before.notBefore : at;
        });
  }
}
