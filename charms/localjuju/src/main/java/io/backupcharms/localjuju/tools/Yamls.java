package io.backupcharms.localjuju.tools;

import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML input of tools ({@code --file}): a map whose values become strings. */
final class Yamls {
  private Yamls() {}

  static Map<String, String> stringMap(String text, String what) {
    Object o;
    try {
      o = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (RuntimeException e) {
      throw ToolError.failed(what + ": cannot parse YAML: " + e.getMessage());
    }
    Map<String, String> out = new TreeMap<>();
    if (o == null) {
      return out;
    }
    if (!(o instanceof Map<?, ?> m)) {
      throw ToolError.failed(what + ": expected a YAML map of settings");
    }
    m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    return out;
  }
}
