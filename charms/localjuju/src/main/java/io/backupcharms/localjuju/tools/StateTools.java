package io.backupcharms.localjuju.tools;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** state-get, state-set, state-delete: the unit's server-side key-value state. */
final class StateTools {
  private static final int MAX_VALUE = 64 * 1024;

  private StateTools() {}

  static Map<String, String> view(HookContext ctx) {
    Map<String, String> m = new TreeMap<>(ctx.agent.state().unit(ctx.unit).state);
    ctx.stateWrites.forEach(
        (k, v) -> {
          if (v == null) {
            m.remove(k);
          } else {
            m.put(k, v);
          }
        });
    return m;
  }

  static String stateGet(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().value("format").bool("strict").parse(args);
    String fmt = f.format();
    f.atMost(1);
    Map<String, String> m = view(ctx);
    if (f.positional().isEmpty()) {
      return Output.format(m, fmt);
    }
    String key = f.positional().get(0);
    if (!m.containsKey(key) && f.isSet("strict")) {
      throw ToolError.failed(Output.goQuote(key) + " not found");
    }
    return Output.format(m.get(key), fmt);
  }

  static String stateSet(HookContext ctx, List<String> args, String stdin) {
    Flags f = Flags.spec().value("file").parse(args);
    Map<String, String> kv = new TreeMap<>();
    if (f.has("file")) {
      kv.putAll(Yamls.stringMap(stdin == null ? "" : stdin, "state-set --file"));
    }
    Tools.keyValues(f.positional(), kv);
    for (Map.Entry<String, String> e : kv.entrySet()) {
      if (e.getValue().length() > MAX_VALUE) {
        throw ToolError.failed(
            "value for key "
                + Output.goQuote(e.getKey())
                + " is "
                + e.getValue().length()
                + " bytes, more than the 65536 allowed");
      }
      ctx.stateWrites.put(e.getKey(), e.getValue().isEmpty() ? null : e.getValue());
    }
    return "";
  }

  static String stateDelete(HookContext ctx, List<String> args) {
    Flags f = Flags.spec().parse(args);
    if (f.positional().isEmpty()) {
      throw ToolError.usage("no key specified");
    }
    f.atMost(1);
    ctx.stateWrites.put(f.positional().get(0), null);
    return "";
  }
}
