package io.backupcharms.localjuju.tools;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.model.AppState;
import io.backupcharms.localjuju.model.UnitState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** config-get, is-leader, status-set, status-get, application-version-set, juju-log. */
final class UnitTools {
  private static final List<String> STATUSES =
      List.of("maintenance", "blocked", "waiting", "active");
  private static final Set<String> LEVELS =
      Set.of("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

  private UnitTools() {}

  static String configGet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").bool("all", "a").parse(args);
    String fmt = f.format();
    f.atMost(1);
    Map<String, Object> cfg =
        config(
            ctx.agent.meta(ctx.app), ctx.agent.state().applications.get(ctx.app), f.isSet("all"));
    if (!f.positional().isEmpty()) {
      return Output.format(cfg.get(f.positional().get(0)), fmt);
    }
    return Output.format(cfg, fmt);
  }

  /** Effective config: charm defaults overlaid with the operator's values. */
  static Map<String, Object> config(CharmMeta meta, AppState app, boolean all) {
    Map<String, Object> cfg = new TreeMap<>();
    meta.options()
        .forEach(
            (k, o) -> {
              Object v = app.config.containsKey(k) ? app.config.get(k) : o.defaultValue();
              if (v != null || all) {
                cfg.put(k, v);
              }
            });
    return cfg;
  }

  static String isLeader(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").parse(args);
    String fmt = f.format();
    f.atMost(0);
    return Output.format(ctx.agent.state().unit(ctx.unit).leader, fmt);
  }

  static String statusSet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().bool("application").parse(args);
    List<String> pos = f.positional();
    if (pos.isEmpty()) {
      throw ToolError.usage("invalid args, require <status> [message] [data]");
    }
    if (!STATUSES.contains(pos.get(0))) {
      throw ToolError.usage(
          "invalid status "
              + Output.goQuote(pos.get(0))
              + ", expected one of "
              + "[maintenance blocked waiting active]");
    }
    // The optional third argument is status data (a YAML map); localjuju does not keep it.
    f.atMost(3);
    String message = pos.size() > 1 ? pos.get(1) : "";
    String now = Instant.now().toString();
    if (f.isSet("application")) {
      if (!ctx.agent.state().unit(ctx.unit).leader) {
        throw ToolError.failed("setting application status: this unit is not the leader");
      }
      AppState a = ctx.agent.state().applications.get(ctx.app);
      a.status = pos.get(0);
      a.statusMessage = message;
      a.statusSince = now;
    } else {
      UnitState u = ctx.agent.state().unit(ctx.unit);
      u.workloadStatus = pos.get(0);
      u.workloadMessage = message;
      u.workloadSince = now;
    }
    return "";
  }

  static String statusGet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").bool("include-data").bool("application").parse(args);
    String fmt = f.format();
    f.atMost(0);
    boolean data = f.isSet("include-data");
    if (f.isSet("application")) {
      if (!ctx.agent.state().unit(ctx.unit).leader) {
        throw ToolError.failed("finding application status: this unit is not the leader");
      }
      AppState a = ctx.agent.state().applications.get(ctx.app);
      String st = a.status.isEmpty() ? "unknown" : a.status;
      if (!data) {
        return Output.format(st, fmt);
      }
      Map<String, Object> units = new TreeMap<>();
      a.units.values().forEach(u -> units.put(u.name, status(u.workloadStatus, u.workloadMessage)));
      Map<String, Object> appStatus = status(st, a.statusMessage);
      appStatus.put("units", units);
      return Output.format(Map.of("application-status", appStatus), fmt);
    }
    UnitState u = ctx.agent.state().unit(ctx.unit);
    if (!data) {
      return Output.format(u.workloadStatus, fmt);
    }
    return Output.format(status(u.workloadStatus, u.workloadMessage), fmt);
  }

  private static Map<String, Object> status(String status, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", message);
    m.put("status", status);
    m.put("status-data", Map.of());
    return m;
  }

  static String versionSet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().parse(args);
    if (f.positional().isEmpty()) {
      throw ToolError.usage("no version specified");
    }
    f.atMost(1);
    ctx.agent.state().applications.get(ctx.app).version = f.positional().get(0);
    return "";
  }

  static String jujuLog(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("log-level", "l").bool("debug").parse(args);
    if (f.positional().isEmpty()) {
      throw ToolError.usage("no message specified");
    }
    String level = f.get("log-level", f.isSet("debug") ? "DEBUG" : "INFO").toUpperCase(Locale.ROOT);
    if (level.equals("WARN")) {
      level = "WARNING";
    }
    if (!LEVELS.contains(level)) {
      throw ToolError.usage("invalid log level " + Output.goQuote(f.get("log-level")));
    }
    String msg = String.join(" ", f.positional());
    if (ctx.hook.relationId() >= 0) {
      msg = ctx.hook.endpoint() + ":" + ctx.hook.relationId() + ": " + msg;
    }
    ctx.agent.log(ctx.unit, level, "juju-log", msg);
    return "";
  }
}
