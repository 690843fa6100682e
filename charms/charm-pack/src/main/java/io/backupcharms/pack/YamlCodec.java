package io.backupcharms.pack;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/** SnakeYAML set up the one way this module reads and writes charm YAML. */
final class YamlCodec {
  private YamlCodec() {}

  /** Parses a YAML document that must be a mapping; plain data types only. */
  static Map<String, Object> parseMap(String text, String what) {
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (RuntimeException e) {
      throw new CharmPackException(what + " is not valid YAML: " + e.getMessage(), e);
    }
    if (doc == null) {
      return Map.of();
    }
    if (!(doc instanceof Map)) {
      throw new CharmPackException(
          what + " must be a YAML mapping, not a " + doc.getClass().getSimpleName());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) doc;
    return map;
  }

  /** Block-style YAML, keys in insertion order, long strings unwrapped. */
  static String dump(Object data) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setSplitLines(false);
    options.setWidth(Integer.MAX_VALUE);
    return new Yaml(new Representer(options), options).dump(data);
  }
}
