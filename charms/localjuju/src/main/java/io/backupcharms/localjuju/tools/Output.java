package io.backupcharms.localjuju.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Juju's output formats: smart (the default), json (compact Go JSON) and yaml. */
public final class Output {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Output() {}

  /** Formats {@code value} as the tool prints it, trailing newline included. */
  public static String format(Object value, String format) {
    switch (format) {
      case "json":
        return json(value) + "\n";
      case "yaml":
        return value == null ? "" : yaml(value);
      default:
        return smart(value);
    }
  }

  /** Compact JSON with sorted keys and Go's HTML escaping, without a newline. */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(tree(value))
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026")
          .replace("\u2028", "\\u2028")
          .replace("\u2029", "\\u2029");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot format " + value + " as JSON", e);
    }
  }

  /** Block-style YAML with sorted keys, ending in a newline; an empty map is {@code {}}. */
  public static String yaml(Object value) {
    if (value instanceof Map<?, ?> m && m.isEmpty()) {
      return "{}\n";
    }
    if (value instanceof List<?> l && l.isEmpty()) {
      return "[]\n";
    }
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndicatorIndent(0);
    o.setSplitLines(false);
    o.setWidth(Integer.MAX_VALUE);
    return goQuotes(new Yaml(o).dump(sorted(value)));
  }

  private static final Pattern SINGLE_QUOTED =
      Pattern.compile(
          "(^|: |- |\\? |\\[|, |\\{)'((?:[^'\n]|'')*)'(?=$|:|,|\\]|\\})", Pattern.MULTILINE);

  /** SnakeYAML quotes with '...', Go's yaml with "...": rewrite the simple cases Juju prints. */
  static String goQuotes(String yaml) {
    Matcher m = SINGLE_QUOTED.matcher(yaml);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String inner = m.group(2).replace("''", "'").replace("\\", "\\\\").replace("\"", "\\\"");
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "\"" + inner + "\""));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Maps become objects with sorted keys, {@link Ordered} values keep their order. */
  private static JsonNode tree(Object v) {
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = JSON.createObjectNode();
      Map<?, ?> source = v instanceof Ordered ? m : new TreeMap<>(m);
      source.forEach((k, x) -> o.set(String.valueOf(k), tree(x)));
      return o;
    }
    if (v instanceof List<?> l) {
      ArrayNode a = JSON.createArrayNode();
      l.forEach(x -> a.add(tree(x)));
      return a;
    }
    return JSON.valueToTree(v);
  }

  private static Object sorted(Object v) {
    if (v instanceof Ordered m) {
      Map<String, Object> t = new LinkedHashMap<>();
      m.forEach((k, x) -> t.put(k, sorted(x)));
      return t;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> t = new TreeMap<>();
      m.forEach((k, x) -> t.put(String.valueOf(k), sorted(x)));
      return new LinkedHashMap<>(t);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(Output::sorted).toList();
    }
    return v;
  }

  private static String smart(Object value) {
    String s;
    if (value == null) {
      return "";
    } else if (value instanceof Boolean b) {
      s = b ? "True" : "False";
    } else if (value instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
      s = String.join("\n", l.stream().map(String::valueOf).toList());
    } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
      s = yaml(value);
      return s;
    } else {
      s = String.valueOf(value);
    }
    return s.isEmpty() ? "" : s + "\n";
  }

  /** Go's %q for a string, as Juju quotes names in its messages. */
  public static String goQuote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
