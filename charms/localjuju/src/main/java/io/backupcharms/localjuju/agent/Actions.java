package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.model.ActionState;
import io.backupcharms.localjuju.model.UnitState;
import io.backupcharms.localjuju.tools.Output;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code run}: parameters typed as YAML and checked against actions.yaml, and Juju's output. */
final class Actions {
  private Actions() {}

  static ActionState enqueue(Controller c, String target, String action, List<String> params) {
    synchronized (c.st) {
      UnitState u = Targets.unit(c, target);
      CharmMeta meta = c.meta(u.app);
      CharmMeta.ActionSpec spec = meta.actions().get(action);
      if (spec == null) {
        throw new Lifecycle.ModelError(
            "action "
                + Lifecycle.q(action)
                + " not defined on unit "
                + Lifecycle.q(u.name)
                + "; the charm's actions are "
                + new TreeSet<>(meta.actions().keySet()));
      }
      Map<String, Object> values = new TreeMap<>();
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      for (String p : params) {
        int eq = p.indexOf('=');
        if (eq <= 0) {
          throw new Lifecycle.ModelError(
              "argument " + Lifecycle.q(p) + " must be of the form key=value");
        }
        String raw = p.substring(eq + 1);
        Object v;
        try {
          v = raw.isEmpty() ? "" : yaml.load(raw);
        } catch (RuntimeException e) {
          v = raw;
        }
        values.put(p.substring(0, eq), v);
      }
      validate(spec, values);
      ActionState a = new ActionState();
      a.operation = Integer.toString(c.st.nextOperation);
      a.id = Integer.toString(c.st.nextOperation + 1);
      c.st.nextOperation += 2;
      a.unit = u.name;
      a.name = action;
      a.params = values;
      a.enqueued = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      c.st.actions.put(a.id, a);
      c.save();
      c.queue(u.name, Hook.action(action, a.id));
      return a;
    }
  }

  private static void validate(CharmMeta.ActionSpec spec, Map<String, Object> values) {
    for (String req : spec.required()) {
      if (!values.containsKey(req)) {
        throw new Lifecycle.ModelError(
            "validation failed: (root) : \"" + req + "\" is a required property");
      }
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object schema = spec.params().get(e.getKey());
      if (schema == null) {
        if (!spec.additionalProperties()) {
          throw new Lifecycle.ModelError(
              "validation failed: (root) : additional property \""
                  + e.getKey()
                  + "\" is not allowed");
        }
        continue;
      }
      if (schema instanceof Map<?, ?> s
          && s.get("type") instanceof String type
          && !matches(type, e.getValue())) {
        throw new Lifecycle.ModelError(
            "validation failed: (root)."
                + e.getKey()
                + " : invalid type. expected "
                + type
                + ", got "
                + typeName(e.getValue()));
      }
    }
    spec.params()
        .forEach(
            (k, schema) -> {
              if (!values.containsKey(k)
                  && schema instanceof Map<?, ?> s
                  && s.containsKey("default")) {
                values.put(k, s.get("default"));
              }
            });
  }

  private static boolean matches(String type, Object v) {
    switch (type) {
      case "string":
        return v instanceof String;
      case "integer":
        return v instanceof Integer || v instanceof Long || v instanceof BigInteger;
      case "number":
        return v instanceof Number;
      case "boolean":
        return v instanceof Boolean;
      case "array":
        return v instanceof List<?>;
      case "object":
        return v instanceof Map<?, ?>;
      default:
        return true;
    }
  }

  private static String typeName(Object v) {
    if (v instanceof String) {
      return "string";
    } else if (v instanceof Integer || v instanceof Long) {
      return "integer";
    } else if (v instanceof Number) {
      return "number";
    } else if (v instanceof Boolean) {
      return "boolean";
    } else if (v instanceof List<?>) {
      return "array";
    }
    return v == null ? "null" : "object";
  }

  /** Prints a finished task as {@code juju run} does; 1 when it failed. */
  static int print(ActionState a, String format, PrintWriter out, PrintWriter err) {
    if (format.equals("json") || format.equals("yaml")) {
      Map<String, Object> results = new TreeMap<>(a.results);
      results.put("return-code", a.returnCode);
      if (!a.stdout.isEmpty()) {
        results.put("stdout", a.stdout);
      }
      if (!a.stderr.isEmpty()) {
        results.put("stderr", a.stderr);
      }
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("id", a.id);
      if (!a.log.isEmpty()) {
        task.put("log", a.log);
      }
      if (!a.message.isEmpty()) {
        task.put("message", a.message);
      }
      task.put("results", results);
      task.put("status", a.status);
      Map<String, Object> timing = new LinkedHashMap<>();
      timing.put("completed", a.completed);
      timing.put("enqueued", a.enqueued);
      timing.put("started", a.started);
      task.put("timing", timing);
      task.put("unit", a.unit);
      Map<String, Object> all = Map.of(a.unit, task);
      out.print(format.equals("json") ? Output.json(all) + "\n" : Output.yaml(all));
    } else {
      // Juju's plain output: a failure line, the results without return-code/stdout/stderr as
      // YAML and a blank line, then the action's stdout and stderr. action-log lines go to stderr.
      for (String line : a.log) {
        int sp = line.indexOf(' ');
        err.println(sp > 0 ? line.substring(sp + 1) : line);
      }
      if (a.status.equals("failed")) {
        out.println("Action id " + a.id + " failed: " + a.message);
      }
      out.println(a.results.isEmpty() ? "" : Output.yaml(a.results));
      if (!a.stdout.isEmpty()) {
        out.println(a.stdout.replaceAll("^\n+|\n+$", ""));
      }
      if (!a.stderr.isEmpty()) {
        out.println(a.stderr.replaceAll("^\n+|\n+$", ""));
      }
    }
    if (a.status.equals("failed")) {
      err.println(
          "ERROR the following task failed:\n - id \""
              + a.id
              + "\" with return code "
              + a.returnCode
              + "\n\nuse 'localjuju show-task' to inspect the failure");
      return 1;
    }
    return 0;
  }
}
