package io.backupcharms.localjuju.tools;

import io.backupcharms.localjuju.model.ModelState;
import io.backupcharms.localjuju.model.RelationState;
import io.backupcharms.localjuju.model.UnitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** relation-ids, relation-list, relation-get, relation-set. */
final class RelationTools {
  private RelationTools() {}

  static String relationIds(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").parse(args);
    String fmt = f.format();
    String endpoint = ctx.hook.endpoint();
    List<String> pos = f.positional();
    if (!pos.isEmpty()) {
      endpoint = pos.get(0);
    } else if (endpoint.isEmpty()) {
      throw ToolError.usage("no endpoint name specified");
    }
    f.atMost(1);
    List<String> ids = new ArrayList<>();
    for (RelationState r : ctx.agent.state().relations.values()) {
      RelationState.EndpointRef ep = r.endpointOf(ctx.app);
      if (ep != null && ep.endpoint.equals(endpoint) && inScope(ctx, r)) {
        ids.add(r.idFor(ctx.app));
      }
    }
    ids.sort((a, b) -> Integer.compare(idOf(a), idOf(b)));
    return Output.format(ids, fmt);
  }

  static String relationList(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").value("r", "relation").bool("app").parse(args);
    String fmt = f.format();
    if (!f.positional().isEmpty() && !f.has("r")) {
      // Juju's relation-list also takes the relation id as its argument.
      f.parse(List.of("-r", f.positional().remove(0)));
    }
    RelationState r = relation(ctx, f);
    f.atMost(0);
    if (f.isSet("app")) {
      return Output.format(r.remoteApp(ctx.app), fmt);
    }
    return Output.format(new ArrayList<>(r.joined.getOrDefault(ctx.unit, new TreeSet<>())), fmt);
  }

  static String relationGet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").value("r", "relation").bool("app").parse(args);
    String fmt = f.format();
    RelationState r = relation(ctx, f);
    boolean app = f.isSet("app");
    List<String> pos = f.positional();
    String key = pos.isEmpty() || pos.get(0).equals("-") ? "" : pos.get(0);
    String target = app ? ctx.hook.remoteApp() : ctx.hook.remoteUnit();
    if (ctx.hook.relationId() != r.id) {
      target = "";
    }
    if (pos.size() > 1) {
      target = pos.get(1);
    }
    f.atMost(2);
    if (target.isEmpty()) {
      throw ToolError.usage("no unit or application specified");
    }
    Map<String, String> bag;
    if (app) {
      String appName = target.contains("/") ? target.substring(0, target.indexOf('/')) : target;
      bag = appBag(ctx, r, appName);
    } else {
      if (!target.matches("[a-z][a-z0-9-]*/[0-9]+")) {
        throw ToolError.usage(
            target.matches("[a-z][a-z0-9-]*")
                ? "expected unit name, got application name " + Output.goQuote(target)
                : "invalid unit name " + Output.goQuote(target));
      }
      bag = unitBag(ctx, r, target);
    }
    if (!key.isEmpty()) {
      return Output.format(bag.get(key), fmt);
    }
    return Output.format(bag, fmt);
  }

  static String relationSet(HookContext ctx, List<String> args, String stdin) {
    Flags f =
        Flags.spec().value("format").value("r", "relation").bool("app").value("file").parse(args);
    RelationState r = relation(ctx, f);
    Map<String, String> settings = new TreeMap<>();
    if (f.has("file")) {
      settings.putAll(Yamls.stringMap(stdin == null ? "" : stdin, "relation-set --file"));
    }
    Tools.keyValues(f.positional(), settings);
    boolean app = f.isSet("app");
    if (app) {
      UnitState u = ctx.agent.state().unit(ctx.unit);
      if (!u.leader) {
        throw ToolError.failed("cannot write relation settings");
      }
    }
    Map<Integer, Map<String, String>> target = app ? ctx.appBagWrites : ctx.unitBagWrites;
    target.computeIfAbsent(r.id, k -> new TreeMap<>()).putAll(settings);
    return "";
  }

  /** The unit bag as this context sees it (its own pending writes applied). */
  static Map<String, String> unitBag(HookContext ctx, RelationState r, String unit) {
    if (!unit.equals(ctx.unit)) {
      boolean member =
          r.joined.getOrDefault(ctx.unit, new TreeSet<>()).contains(unit)
              || (r.unitBags.containsKey(unit) && visible(ctx, r, unit));
      if (!member) {
        throw ToolError.failed(
            "cannot read settings for unit "
                + Output.goQuote(unit)
                + " in relation "
                + Output.goQuote(r.idFor(ctx.app))
                + ": unit "
                + Output.goQuote(unit)
                + ": settings not found");
      }
      return new TreeMap<>(r.unitBags.getOrDefault(unit, Map.of()));
    }
    Map<String, String> bag = new TreeMap<>(r.unitBags.getOrDefault(unit, Map.of()));
    apply(bag, ctx.unitBagWrites.get(r.id));
    return bag;
  }

  static Map<String, String> appBag(HookContext ctx, RelationState r, String app) {
    if (r.endpointOf(app) == null) {
      throw ToolError.failed(
          "cannot read settings for application "
              + Output.goQuote(app)
              + " in relation "
              + Output.goQuote(r.idFor(ctx.app))
              + ": application "
              + Output.goQuote(app)
              + ": settings not found");
    }
    Map<String, String> bag = new TreeMap<>(r.appBags.getOrDefault(app, Map.of()));
    if (app.equals(ctx.app)) {
      if (!ctx.agent.state().unit(ctx.unit).leader && !r.isPeer()) {
        throw ToolError.failed("permission denied");
      }
      apply(bag, ctx.appBagWrites.get(r.id));
    }
    return bag;
  }

  private static boolean visible(HookContext ctx, RelationState r, String unit) {
    UnitState other = ctx.agent.state().unit(unit);
    UnitState self = ctx.agent.state().unit(ctx.unit);
    return other != null && (!r.container || other.machine.equals(self.machine));
  }

  static void apply(Map<String, String> bag, Map<String, String> writes) {
    if (writes == null) {
      return;
    }
    writes.forEach(
        (k, v) -> {
          if (v == null || v.isEmpty()) {
            bag.remove(k);
          } else {
            bag.put(k, v);
          }
        });
  }

  /** The relation named by -r, else the hook's relation; Juju's errors otherwise. */
  static RelationState relation(HookContext ctx, Flags f) {
    ModelState st = ctx.agent.state();
    if (f.has("r")) {
      String v = f.get("r");
      String digits = v.substring(v.lastIndexOf(':') + 1);
      int id;
      try {
        id = Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        throw ToolError.usage(
            "invalid value " + Output.goQuote(v) + " for flag -r: invalid relation id");
      }
      RelationState r = st.relations.get(id);
      if (r == null || r.endpointOf(ctx.app) == null || !inScope(ctx, r)) {
        throw ToolError.usage(
            "invalid value " + Output.goQuote(v) + " for flag -r: relation not found");
      }
      return r;
    }
    if (ctx.hook.relationId() < 0 || !st.relations.containsKey(ctx.hook.relationId())) {
      throw ToolError.usage("no relation id specified");
    }
    return st.relations.get(ctx.hook.relationId());
  }

  /** A unit sees a relation once its relation-created was queued (subordinates: only their own). */
  static boolean inScope(HookContext ctx, RelationState r) {
    return r.created.contains(ctx.unit) || r.id == ctx.hook.relationId();
  }

  private static int idOf(String key) {
    return Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
  }
}
