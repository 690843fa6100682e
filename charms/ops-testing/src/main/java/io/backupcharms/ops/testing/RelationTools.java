package io.backupcharms.ops.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** relation-ids, relation-list, relation-get, relation-set against the sandbox. */
final class RelationTools {
  private final Sandbox box;

  RelationTools(Sandbox box) {
    this.box = box;
  }

  List<String> relationIds(String endpoint) {
    List<String> ids = new ArrayList<>();
    box.relations.values().stream()
        .filter(r -> r.endpoint.equals(endpoint))
        .sorted((a, b) -> a.id - b.id)
        .forEach(r -> ids.add(r.endpoint + ":" + r.id));
    return ids;
  }

  List<String> relationList(int id) {
    Sandbox.Rel r = box.relation(List.of("relation-list", "-r", Integer.toString(id)), id);
    return r.remoteUnits.keySet().stream().sorted().toList();
  }

  Optional<String> relationListApp(int id) {
    Sandbox.Rel r = box.relation(List.of("relation-list", "-r", Integer.toString(id), "--app"), id);
    return Optional.ofNullable(r.remoteApp);
  }

  Map<String, String> relationGet(int id, String target, boolean app) {
    List<String> argv = new ArrayList<>(List.of("relation-get", "-r", Integer.toString(id)));
    if (app) {
      argv.add("--app");
    }
    argv.addAll(List.of("-", target));
    Sandbox.Rel r = box.relation(argv, id);
    if (app) {
      if (target.equals(box.appName)) {
        if (!box.leader) {
          throw Sandbox.fail(argv, 1, "permission denied");
        }
        return new LinkedHashMap<>(r.localApp);
      }
      if (target.equals(r.remoteApp)) {
        return new LinkedHashMap<>(r.remoteAppData);
      }
      throw Sandbox.fail(
          argv,
          1,
          "cannot read application settings for \""
              + target
              + "\" in relation \""
              + r.endpoint
              + ":"
              + id
              + "\": application not found");
    }
    if (!target.contains("/")) {
      throw Sandbox.fail(
          argv, 2, "\"" + target + "\" is an application name; use --app to read its databag");
    }
    if (target.equals(box.unitName)) {
      return new LinkedHashMap<>(r.localUnit);
    }
    Map<String, String> data = r.remoteUnits.get(target);
    if (data == null) {
      throw Sandbox.fail(
          argv,
          1,
          "cannot read settings for unit \""
              + target
              + "\" in relation \""
              + r.endpoint
              + ":"
              + id
              + "\": unit \""
              + target
              + "\": settings not found");
    }
    return new LinkedHashMap<>(data);
  }

  void relationSet(int id, boolean app, Map<String, String> values) {
    List<String> argv = new ArrayList<>(List.of("relation-set", "-r", Integer.toString(id)));
    if (app) {
      argv.add("--app");
    }
    argv.addAll(List.of("--file", "-"));
    Sandbox.Rel r = box.relation(argv, id);
    if (app && !box.leader) {
      throw Sandbox.fail(argv, 1, "cannot write relation settings");
    }
    Map<String, String> bag = app ? r.localApp : r.localUnit;
    values.forEach(
        (k, v) -> {
          if (v == null || v.isEmpty()) {
            bag.remove(k);
          } else {
            bag.put(k, v);
          }
        });
  }
}
