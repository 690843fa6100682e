package io.backupcharms.localjuju.tools;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** action-get, action-set, action-fail, action-log. */
final class ActionTools {
  private static final Pattern KEY = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
  private static final Set<String> RESERVED =
      Set.of("stdout", "stdout-encoding", "stderr", "stderr-encoding");

  private ActionTools() {}

  private static void requireAction(HookContext ctx) {
    if (ctx.action == null) {
      throw ToolError.failed("not running an action");
    }
  }

  static String actionGet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").parse(args);
    String fmt = f.format();
    requireAction(ctx);
    f.atMost(1);
    if (f.positional().isEmpty()) {
      return Output.format(ctx.action.params, fmt);
    }
    Object v = ctx.action.params;
    for (String part : f.positional().get(0).split("\\.")) {
      v = v instanceof Map<?, ?> m ? m.get(part) : null;
    }
    return Output.format(v, fmt);
  }

  @SuppressWarnings("unchecked")
  static String actionSet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().parse(args);
    requireAction(ctx);
    if (f.positional().isEmpty()) {
      throw ToolError.usage("no key=value pairs specified");
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String a : f.positional()) {
      int eq = a.indexOf('=');
      if (eq < 0) {
        throw ToolError.usage(
            "argument " + Output.goQuote(a) + " must be of the form key...=value");
      }
      String key = a.substring(0, eq);
      for (String part : key.split("\\.", -1)) {
        if (!KEY.matcher(part).matches()) {
          throw ToolError.usage(
              "key "
                  + Output.goQuote(part)
                  + " must start and end with lowercase alphanumeric, "
                  + "and contain only lowercase alphanumeric, hyphens and periods");
        }
        if (RESERVED.contains(part)) {
          throw ToolError.usage("cannot set reserved action key " + Output.goQuote(part));
        }
      }
      pairs.put(key, a.substring(eq + 1));
    }
    pairs.forEach(
        (key, value) -> {
          String[] parts = key.split("\\.");
          Map<String, Object> m = ctx.action.results;
          for (int i = 0; i < parts.length - 1; i++) {
            Object next = m.get(parts[i]);
            if (!(next instanceof Map<?, ?>)) {
              next = new TreeMap<String, Object>();
              m.put(parts[i], next);
            }
            m = (Map<String, Object>) next;
          }
          m.put(parts[parts.length - 1], value);
        });
    return "";
  }

  static String actionFail(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().parse(args);
    requireAction(ctx);
    f.atMost(1);
    ctx.action.status = "failed";
    ctx.action.message =
        f.positional().isEmpty()
            ? "action failed without reason given, check action for errors"
            : f.positional().get(0);
    return "";
  }

  static String actionLog(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().parse(args);
    requireAction(ctx);
    if (f.positional().isEmpty()) {
      throw ToolError.usage("no message specified");
    }
    String msg = String.join(" ", f.positional());
    ctx.action.log.add(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + msg);
    ctx.agent.log(ctx.unit, "INFO", "action-log", msg);
    return "";
  }
}
