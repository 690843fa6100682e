package io.backupcharms.localjuju.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Juju's (gnuflag) command-line rules for hook tools: {@code --name value}, {@code --name=value},
 * {@code -r value}, booleans as {@code --app} or {@code --app=false}, flags anywhere among
 * positional arguments, {@code --} ends flags.
 */
final class Flags {
  private final Map<String, String> canonical = new HashMap<>();
  private final Map<String, Boolean> isBool = new HashMap<>();
  private final Map<String, String> values = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  static Flags spec() {
    return new Flags();
  }

  /** A flag taking a value, with its aliases (e.g. "r", "relation"). */
  Flags value(String name, String... aliases) {
    return define(name, false, aliases);
  }

  /** A boolean flag. */
  Flags bool(String name, String... aliases) {
    return define(name, true, aliases);
  }

  private Flags define(String name, boolean bool, String... aliases) {
    canonical.put(name, name);
    for (String a : aliases) {
      canonical.put(a, name);
    }
    isBool.put(name, bool);
    return this;
  }

  /** Parses {@code args}; throws a usage error as gnuflag words it. */
  Flags parse(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        positional.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        positional.add(a);
        continue;
      }
      String dashes = a.startsWith("--") ? "--" : "-";
      String body = a.substring(dashes.length());
      String inline = null;
      int eq = body.indexOf('=');
      if (eq >= 0) {
        inline = body.substring(eq + 1);
        body = body.substring(0, eq);
      }
      String name = canonical.get(body);
      if (name == null) {
        throw ToolError.usage("flag provided but not defined: " + dashes + body);
      }
      if (isBool.get(name)) {
        String v = inline == null ? "true" : inline;
        Boolean b = parseBool(v);
        if (b == null) {
          throw ToolError.usage(
              "invalid value \""
                  + v
                  + "\" for flag "
                  + dashes
                  + body
                  + ": strconv.ParseBool: parsing \""
                  + v
                  + "\": invalid syntax");
        }
        values.put(name, b.toString());
      } else {
        String v = inline;
        if (v == null) {
          if (i + 1 >= args.size()) {
            throw ToolError.usage("flag needs an argument: " + dashes + body);
          }
          v = args.get(++i);
        }
        values.put(name, v);
      }
    }
    return this;
  }

  private static Boolean parseBool(String v) {
    switch (v) {
      case "1":
      case "t":
      case "T":
      case "true":
      case "TRUE":
      case "True":
        return true;
      case "0":
      case "f":
      case "F":
      case "false":
      case "FALSE":
      case "False":
        return false;
      default:
        return null;
    }
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  boolean isSet(String name) {
    return "true".equals(values.get(name));
  }

  String get(String name) {
    return values.get(name);
  }

  String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  List<String> positional() {
    return positional;
  }

  /** Fails with Juju's {@code unrecognized args} when more than {@code max} positionals remain. */
  void atMost(int max) {
    if (positional.size() > max) {
      throw unrecognized(positional.subList(max, positional.size()));
    }
  }

  static ToolError unrecognized(List<String> rest) {
    StringBuilder sb = new StringBuilder("unrecognized args: [");
    for (int i = 0; i < rest.size(); i++) {
      sb.append(i == 0 ? "" : " ").append(Output.goQuote(rest.get(i)));
    }
    return ToolError.usage(sb.append(']').toString());
  }

  /** The --format value, checked. */
  String format() {
    String f = values.getOrDefault("format", "smart").toLowerCase(Locale.ROOT);
    if (!f.equals("smart") && !f.equals("json") && !f.equals("yaml")) {
      throw ToolError.usage(
          "invalid value \""
              + values.get("format")
              + "\" for flag --format: unknown format \""
              + values.get("format")
              + "\"");
    }
    return f;
  }
}
