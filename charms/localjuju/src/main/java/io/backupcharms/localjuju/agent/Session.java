package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.hooks.UnitQueue;
import io.backupcharms.localjuju.machine.MachineHost;
import io.backupcharms.localjuju.model.ActionState;
import io.backupcharms.localjuju.model.AppState;
import io.backupcharms.localjuju.model.MachineState;
import io.backupcharms.localjuju.model.UnitState;
import io.backupcharms.localjuju.tools.Commit;
import io.backupcharms.localjuju.tools.HookContext;
import io.backupcharms.localjuju.tools.Output;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The CLI verbs as the controller executes them; one instance per request. */
@Command(name = "localjuju", mixinStandardHelpOptions = false)
final class Session {
  /** localjuju's own model config: how long a new secret grant waits to take effect. */
  private static final String GRANT_DELAY = "localjuju-grant-delay";

  private final Controller c;
  private final ModelCommands owner;
  private final Path cwd;
  final PrintWriter out;
  final PrintWriter err;

  Session(Controller c, ModelCommands owner, Path cwd, PrintWriter out, PrintWriter err) {
    this.c = c;
    this.owner = owner;
    this.cwd = cwd;
    this.out = out;
    this.err = err;
  }

  @Command(name = "deploy")
  int deploy(
      @Parameters(index = "0") String charm,
      @Parameters(index = "1", arity = "0..1") String app,
      @Option(
              names = {"-n", "--num-units"},
              defaultValue = "1")
          int n,
      @Option(names = "--config") List<String> config,
      @Option(names = "--base") String base)
      throws IOException {
    Path path = cwd.resolve(charm).toAbsolutePath().normalize();
    synchronized (c.st) {
      AppState a = c.lifecycle.deploy(path, app, n, kv(config), base);
      c.save();
      err.println("Located local charm \"" + a.charmName + "\", revision " + a.charmRevision);
      err.println(
          "Deploying \""
              + a.name
              + "\" from local charm \""
              + a.charmName
              + "\", revision "
              + a.charmRevision
              + " on "
              + a.base
              + "/stable");
    }
    return 0;
  }

  @Command(name = "refresh")
  int refresh(
      @Parameters(index = "0") String app, @Option(names = "--path", required = true) String charm)
      throws IOException {
    synchronized (c.st) {
      c.lifecycle.refresh(app, cwd.resolve(charm).toAbsolutePath().normalize());
      c.save();
      err.println(
          "Added local charm \""
              + c.st.applications.get(app).charmName
              + "\", revision "
              + c.st.applications.get(app).charmRevision
              + ", to the model");
    }
    return 0;
  }

  @Command(name = "add-unit")
  int addUnit(
      @Parameters(index = "0") String app,
      @Option(
              names = {"-n", "--num-units"},
              defaultValue = "1")
          int n)
      throws IOException {
    synchronized (c.st) {
      AppState a = app(app);
      if (a.subordinate) {
        throw new Lifecycle.ModelError(
            "cannot add units to subordinate application "
                + Lifecycle.q(app)
                + "; integrate it with a principal instead");
      }
      for (int i = 0; i < n; i++) {
        c.lifecycle.addUnit(a, null, null);
      }
      c.save();
    }
    return 0;
  }

  @Command(name = "integrate", aliases = "relate")
  int integrate(@Parameters(index = "0") String a, @Parameters(index = "1") String b)
      throws IOException {
    synchronized (c.st) {
      c.lifecycle.integrate(a, b);
      c.save();
    }
    return 0;
  }

  @Command(name = "remove-relation")
  int removeRelation(@Parameters(index = "0") String a, @Parameters(index = "1") String b) {
    synchronized (c.st) {
      c.teardown.removeRelation(a, b);
      c.save();
    }
    return 0;
  }

  @Command(name = "remove-unit")
  int removeUnit(@Parameters(arity = "1..*") List<String> units) {
    synchronized (c.st) {
      for (String name : units) {
        UnitState u = c.st.unit(name);
        if (u == null) {
          throw new Lifecycle.ModelError("unit " + Lifecycle.q(name) + " not found");
        }
        if (!u.principal.isEmpty()) {
          throw new Lifecycle.ModelError(
              "unit "
                  + Lifecycle.q(name)
                  + " is a subordinate; remove its relation "
                  + "to the principal instead");
        }
        c.teardown.removeUnit(u);
        err.println("will remove unit " + name);
      }
      c.save();
    }
    return 0;
  }

  @Command(name = "remove-application")
  int removeApplication(
      @Parameters(arity = "1..*") List<String> apps,
      @Option(names = "--no-prompt") boolean noPrompt,
      @Option(names = "--force") boolean force) {
    synchronized (c.st) {
      for (String a : apps) {
        c.teardown.removeApplication(a);
        err.println("will remove application " + a);
      }
      c.save();
    }
    return 0;
  }

  @Command(name = "config")
  int config(
      @Parameters(index = "0") String app,
      @Parameters(index = "1..*", arity = "0..*") List<String> rest,
      @Option(names = "--reset") List<String> reset) {
    synchronized (c.st) {
      AppState a = app(app);
      CharmMeta meta = c.meta(app);
      List<String> args = rest == null ? List.of() : rest;
      boolean sets = args.stream().anyMatch(x -> x.contains("="));
      if (!sets && (reset == null || reset.isEmpty())) {
        if (args.size() == 1) {
          CharmMeta.ConfigOption o = meta.options().get(args.get(0));
          if (o == null) {
            throw new Lifecycle.ModelError(
                "key "
                    + Lifecycle.q(args.get(0))
                    + " not found in "
                    + Lifecycle.q(app)
                    + " application config.");
          }
          Object v =
              a.config.containsKey(args.get(0)) ? a.config.get(args.get(0)) : o.defaultValue();
          out.println(v == null ? "" : String.valueOf(v));
          return 0;
        }
        out.print(Output.yaml(configView(a, meta)));
        return 0;
      }
      Map<String, String> raw = new TreeMap<>();
      for (String kv : args) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          throw new Lifecycle.ModelError("expected \"key=value\", got " + Lifecycle.q(kv));
        }
        raw.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      Map<String, Object> parsed = Config.parse(meta, raw);
      Map<String, Object> before = new TreeMap<>(a.config);
      a.config.putAll(parsed);
      if (reset != null) {
        for (String k : reset) {
          for (String key : k.split(",")) {
            a.config.remove(key);
          }
        }
      }
      if (!before.equals(a.config)) {
        a.units.values().forEach(u -> c.queue(u.name, Hook.plain("config-changed")));
      }
      c.save();
    }
    return 0;
  }

  private static Map<String, Object> configView(AppState a, CharmMeta meta) {
    Map<String, Object> settings = new TreeMap<>();
    meta.options()
        .forEach(
            (k, o) -> {
              Map<String, Object> s = new LinkedHashMap<>();
              if (o.defaultValue() != null) {
                s.put("default", o.defaultValue());
              }
              s.put("description", o.description());
              s.put(
                  "source",
                  a.config.containsKey(k)
                      ? "user"
                      : o.defaultValue() == null ? "unset" : "default");
              s.put("type", o.type());
              Object v = a.config.containsKey(k) ? a.config.get(k) : o.defaultValue();
              if (v != null) {
                s.put("value", v);
              }
              settings.put(k, s);
            });
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("application", a.name);
    view.put("charm", a.charmName);
    view.put("settings", settings);
    return view;
  }

  @Command(name = "run")
  int run(
      @Parameters(index = "0") String target,
      @Parameters(index = "1") String action,
      @Parameters(index = "2..*", arity = "0..*") List<String> params,
      @Option(names = "--format", defaultValue = "plain") String format,
      @Option(names = "--wait", defaultValue = "10m") String wait)
      throws InterruptedException {
    ActionState a = Actions.enqueue(c, target, action, params == null ? List.of() : params);
    err.println("Running operation " + a.operation + " with 1 task");
    err.println("  - task " + a.id + " on unit-" + a.unit.replace('/', '-'));
    err.println();
    err.println("Waiting for task " + a.id + "...");
    long deadline = System.currentTimeMillis() + Durations.millis(wait);
    while (true) {
      synchronized (c.st) {
        if (a.status.equals("completed") || a.status.equals("failed")) {
          break;
        }
      }
      if (System.currentTimeMillis() > deadline) {
        err.println(
            "ERROR timed out waiting for task "
                + a.id
                + " on "
                + a.unit
                + " (still "
                + a.status
                + "); see `localjuju debug-log` and `localjuju show-task "
                + a.id
                + "`");
        return 1;
      }
      Thread.sleep(50);
    }
    synchronized (c.st) {
      return Actions.print(a, format, out, err);
    }
  }

  @Command(name = "show-task")
  int showTask(
      @Parameters(index = "0") String id,
      @Option(names = "--format", defaultValue = "plain") String format) {
    synchronized (c.st) {
      ActionState a = c.st.actions.get(id);
      if (a == null) {
        throw new Lifecycle.ModelError("task " + id + " not found");
      }
      return Actions.print(a, format, out, err);
    }
  }

  @Command(name = "status")
  int status(
      @Option(names = "--format", defaultValue = "tabular") String format,
      @Parameters(arity = "0..*") List<String> filter) {
    synchronized (c.st) {
      Map<String, Object> view = StatusView.json(c);
      switch (format) {
        case "json":
          out.println(Output.json(view));
          break;
        case "yaml":
          out.print(Output.yaml(view));
          break;
        default:
          out.print(StatusView.tabular(c));
      }
    }
    return 0;
  }

  @Command(name = "show-unit")
  int showUnit(
      @Parameters(arity = "1..*") List<String> units,
      @Option(names = "--format", defaultValue = "yaml") String format) {
    synchronized (c.st) {
      Map<String, Object> all = new TreeMap<>();
      for (String name : units) {
        all.putAll(ShowUnit.of(c, resolveUnit(name)));
      }
      out.print(format.equals("json") ? Output.json(all) + "\n" : Output.yaml(all));
    }
    return 0;
  }

  @Command(name = "debug-log")
  int debugLog(
      @Option(names = "--include") List<String> include,
      @Option(names = "--replay") boolean replay,
      @Option(names = "--no-tail") boolean noTail,
      @Option(
              names = {"-n", "--lines"},
              defaultValue = "0")
          int lines,
      @Option(names = "--level") String level)
      throws IOException {
    Path log = c.modelDir.resolve("debug.log");
    List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
    List<String> shown = new ArrayList<>();
    for (String line : all) {
      if (include != null && !include.isEmpty()) {
        boolean match = false;
        for (String inc : include) {
          String tag = "unit-" + inc.replace('/', '-');
          if (line.startsWith(tag + ":") || (!inc.contains("/") && line.startsWith(tag + "-"))) {
            match = true;
          }
        }
        if (!match) {
          continue;
        }
      }
      if (level != null && !LevelFilter.atLeast(line, level)) {
        continue;
      }
      shown.add(line);
    }
    if (lines > 0 && shown.size() > lines) {
      shown = shown.subList(shown.size() - lines, shown.size());
    }
    shown.forEach(out::println);
    return 0;
  }

  @Command(name = "resolve", aliases = "resolved")
  int resolve(
      @Parameters(arity = "1..*") List<String> units,
      @Option(names = "--no-retry") boolean noRetry) {
    synchronized (c.st) {
      for (String name : units) {
        UnitState u = c.st.unit(name);
        if (u == null) {
          throw new Lifecycle.ModelError("unit " + Lifecycle.q(name) + " not found");
        }
        if (u.failedHook.isEmpty()) {
          throw new Lifecycle.ModelError("unit " + Lifecycle.q(name) + " is not in an error state");
        }
        u.failedHook = "";
        UnitQueue q = c.queues.get(name);
        if (q != null) {
          q.resolve(!noRetry);
        }
      }
      c.save();
    }
    return 0;
  }

  @Command(name = "model-config")
  int modelConfig(@Parameters(arity = "0..*") List<String> args) {
    synchronized (c.st) {
      if (args == null || args.isEmpty()) {
        out.print(
            Output.yaml(
                new TreeMap<>(
                    Map.of(
                        "automatically-retry-hooks",
                        c.st.automaticallyRetryHooks,
                        "update-status-hook-interval",
                        c.st.updateStatusInterval,
                        GRANT_DELAY,
                        c.st.grantDelay))));
        return 0;
      }
      for (String kv : args) {
        int eq = kv.indexOf('=');
        String key = eq < 0 ? kv : kv.substring(0, eq);
        if (!List.of("update-status-hook-interval", "automatically-retry-hooks", GRANT_DELAY)
            .contains(key)) {
          throw new Lifecycle.ModelError(
              "unknown model config "
                  + Lifecycle.q(key)
                  + "; localjuju knows automatically-retry-hooks, update-status-hook-interval and "
                  + GRANT_DELAY);
        }
        if (eq < 0) {
          out.println(
              switch (key) {
                case "automatically-retry-hooks" -> Boolean.toString(c.st.automaticallyRetryHooks);
                case GRANT_DELAY -> c.st.grantDelay;
                default -> c.st.updateStatusInterval;
              });
          continue;
        }
        String value = kv.substring(eq + 1);
        switch (key) {
          case "automatically-retry-hooks" -> {
            if (!value.equals("true") && !value.equals("false")) {
              throw new Lifecycle.ModelError(
                  "automatically-retry-hooks must be true or false, got " + Lifecycle.q(value));
            }
            c.st.automaticallyRetryHooks = value.equals("true");
          }
          case GRANT_DELAY -> {
            if (!value.isEmpty()) {
              Durations.millis(value);
            }
            c.st.grantDelay = value;
          }
          default -> {
            if (!value.isEmpty() && Durations.millis(value) < 1000) {
              throw new Lifecycle.ModelError(
                  "update-status-hook-interval must be at least 1s, got " + Lifecycle.q(value));
            }
            c.st.updateStatusInterval = value;
          }
        }
      }
      c.save();
    }
    return 0;
  }

  @Command(name = "update-status")
  int updateStatus(@Parameters(arity = "0..*") List<String> targets) {
    synchronized (c.st) {
      for (UnitState u : units(targets)) {
        c.queue(u.name, Hook.plain("update-status"));
      }
    }
    return 0;
  }

  @Command(name = "trigger")
  int trigger(@Parameters(index = "0") String target, @Parameters(index = "1") String hook) {
    synchronized (c.st) {
      for (UnitState u : units(List.of(target))) {
        c.queue(u.name, Hook.plain(hook));
      }
    }
    return 0;
  }

  @Command(name = "wait-for")
  int waitFor(
      @Parameters(index = "0", arity = "0..1") String kind,
      @Parameters(index = "1", arity = "0..1") String name,
      @Option(names = "--timeout", defaultValue = "10m") String timeout)
      throws InterruptedException {
    boolean ok = c.awaitSettled(Durations.millis(timeout));
    List<String> errors = new ArrayList<>();
    List<String> busy = new ArrayList<>();
    synchronized (c.st) {
      for (UnitState u : c.st.allUnits()) {
        if (!u.failedHook.isEmpty()) {
          errors.add(u.name + " (hook failed: \"" + u.failedHook + "\")");
        }
        UnitQueue q = c.queues.get(u.name);
        if (q != null && !q.isIdle() && !q.isSettledInError()) {
          busy.add(u.name + " (" + q.pending().size() + " hooks queued)");
        }
      }
    }
    if (!errors.isEmpty()) {
      err.println(
          "ERROR units in error: "
              + String.join(", ", errors)
              + "; see `localjuju debug-log`, fix, then `localjuju resolve <unit>`");
      return 1;
    }
    if (!ok) {
      err.println(
          "ERROR timed out after "
              + timeout
              + " waiting for the model to settle; still busy: "
              + String.join(", ", busy));
      return 1;
    }
    return 0;
  }

  /** For {@code exec}/{@code ssh}: the machine to enter and a hook context for the tools. */
  @Command(name = "exec-context", hidden = true)
  int execContext(@Parameters(index = "0") String unit) {
    synchronized (c.st) {
      UnitState u = resolveUnit(unit);
      MachineState m = c.st.machines.get(u.machine);
      if (!MachineHost.isAlive(m.holderPid)) {
        throw new Lifecycle.ModelError("machine " + m.id + " of " + u.name + " is not running");
      }
      String token = u.name.replace('/', '-') + "-exec-" + System.nanoTime();
      c.contexts.put(token, new HookContext(token, u.name, Hook.plain("juju-exec"), c, null));
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("pid", m.holderPid);
      info.put("unit", u.name);
      info.put(
          "charm-dir",
          c.modelDir
              .resolve("units")
              .resolve(u.name.replace('/', '-'))
              .resolve("charm")
              .toString());
      Map<String, String> env = new TreeMap<>();
      String charmDir =
          c.modelDir.resolve("units").resolve(u.name.replace('/', '-')).resolve("charm").toString();
      env.put("JUJU_CHARM_DIR", charmDir);
      env.put("CHARM_DIR", charmDir);
      env.put("JUJU_PRINCIPAL_UNIT", u.principal);
      env.put("DEBIAN_FRONTEND", "noninteractive");
      env.put("JUJU_CONTEXT_ID", token);
      env.put("JUJU_AGENT_SOCKET_ADDRESS", c.modelDir.resolve("agent.sock").toString());
      env.put("JUJU_AGENT_SOCKET_NETWORK", "unix");
      env.put("JUJU_UNIT_NAME", u.name);
      env.put("JUJU_MODEL_NAME", c.st.name);
      env.put("JUJU_MODEL_UUID", c.st.uuid);
      env.put("JUJU_MACHINE_ID", u.machine);
      env.put("JUJU_VERSION", Lifecycle.JUJU_VERSION);
      env.put("PATH", c.toolsDir + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
      info.put("env", env);
      out.println(Output.json(info));
    }
    return 0;
  }

  @Command(name = "exec-done", hidden = true)
  int execDone(@Parameters(index = "0") String token, @Parameters(index = "1") int rc) {
    synchronized (c.st) {
      HookContext ctx = c.contexts.remove(token);
      if (ctx != null && rc == 0) {
        for (var q : Commit.apply(ctx)) {
          c.queue(q.unit(), q.hook());
        }
        c.save();
      }
    }
    return 0;
  }

  @Command(name = "destroy-model", hidden = true)
  int destroy(
      @Option(names = "--timeout", defaultValue = "2m") String timeout,
      @Option(names = "--force") boolean force)
      throws InterruptedException {
    if (!force) {
      synchronized (c.st) {
        for (String app : List.copyOf(c.st.applications.keySet())) {
          c.teardown.removeApplication(app);
        }
        c.save();
      }
      c.awaitSettled(Durations.millis(timeout));
    }
    synchronized (c.st) {
      c.queues.values().forEach(UnitQueue::close);
      for (MachineState m : c.st.machines.values()) {
        MachineHost.stop(m.holderPid);
      }
      c.st.machines.clear();
      c.save();
    }
    owner.requestExit();
    return 0;
  }

  @Command(name = "ping", hidden = true)
  int ping() {
    out.println(c.st.name);
    return 0;
  }

  private AppState app(String name) {
    return Targets.app(c, name);
  }

  private UnitState resolveUnit(String name) {
    return Targets.unit(c, name);
  }

  private List<UnitState> units(List<String> targets) {
    if (targets == null || targets.isEmpty()) {
      return c.st.allUnits();
    }
    List<UnitState> out = new ArrayList<>();
    for (String t : targets) {
      if (t.contains("/")) {
        out.add(resolveUnit(t));
      } else {
        out.addAll(app(t).units.values());
      }
    }
    return out;
  }

  private static Map<String, String> kv(List<String> items) {
    Map<String, String> m = new TreeMap<>();
    if (items != null) {
      for (String kv : items) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          throw new Lifecycle.ModelError("--config expects key=value, got " + Lifecycle.q(kv));
        }
        m.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return m;
  }

  static String now() {
    return Instant.now().toString();
  }
}
