package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.charm.CharmMeta;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Config values from the command line, typed by the charm's config.yaml. */
final class Config {
  private Config() {}

  /**
   * Parses {@code k=v} values; unknown keys and values of the wrong type fail with the option
   * named.
   */
  static Map<String, Object> parse(CharmMeta meta, Map<String, String> raw) {
    Map<String, Object> out = new TreeMap<>();
    raw.forEach(
        (k, v) -> {
          CharmMeta.ConfigOption o = meta.options().get(k);
          if (o == null) {
            throw new Lifecycle.ModelError(
                "unknown option "
                    + Lifecycle.q(k)
                    + " for charm "
                    + Lifecycle.q(meta.name())
                    + "; the options are "
                    + new TreeSet<>(meta.options().keySet()));
          }
          out.put(k, typed(k, o.type(), v));
        });
    return out;
  }

  private static Object typed(String key, String type, String v) {
    try {
      switch (type) {
        case "int":
          return Long.parseLong(v.trim());
        case "float":
          return Double.parseDouble(v.trim());
        case "boolean":
          if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v.trim());
          }
          throw new NumberFormatException();
        default:
          return v;
      }
    } catch (NumberFormatException e) {
      throw new Lifecycle.ModelError(
          "option " + Lifecycle.q(key) + " expected " + type + ", got " + Lifecycle.q(v));
    }
  }
}
