package io.backupcharms.server.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The charm's Prometheus alert rules as the {@code alert_rules} value of {@code prometheus_scrape}
 * carries them: the files under {@code src/prometheus_alert_rules} (each a {@code groups:} file or
 * a single rule), each group renamed {@code <identifier>_<group>_rules}, each rule labelled with
 * the Juju topology, then the generic {@code HostHealth} group the library always adds. The
 * consumer injects the topology matchers into the expressions from those labels.
 */
public final class AlertRules {

  private AlertRules() {}

  /** The {@code {"groups": [...]}} object for {@code dir}'s rule files. */
  public static Map<String, Object> of(Path dir, Topology topology) {
    List<Object> groups = new ArrayList<>();
    for (Path file : files(dir)) {
      Object parsed = load(file);
      if (!(parsed instanceof Map<?, ?> doc)) {
        throw new IllegalStateException(file + " is neither a groups: file nor a single rule");
      }
      if (doc.get("groups") instanceof List<?> list) {
        for (Object g : list) {
          Map<?, ?> group = (Map<?, ?>) g;
          groups.add(
              group(topology, String.valueOf(group.get("name")), (List<?>) group.get("rules")));
        }
      } else if (doc.containsKey("expr")) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        groups.add(group(topology, stem, List.of(doc)));
      }
    }
    groups.add(group(topology, "HostHealth", hostHealth()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("groups", groups);
    return out;
  }

  private static Map<String, Object> group(Topology topology, String name, List<?> rules) {
    String full = topology.identifier() + "_" + name;
    if (!full.endsWith("_rules")) {
      full = full + "_rules";
    }
    List<Object> labelled = new ArrayList<>();
    for (Object r : rules) {
      Map<String, Object> rule = new LinkedHashMap<>();
      ((Map<?, ?>) r).forEach((k, v) -> rule.put(String.valueOf(k), v));
      rule.put("expr", String.valueOf(rule.get("expr")).replaceAll("%%juju_topology%%,?", ""));
      Map<String, Object> labels = new LinkedHashMap<>();
      if (rule.get("labels") instanceof Map<?, ?> own) {
        own.forEach((k, v) -> labels.put(String.valueOf(k), v));
      }
      topology.ruleLabels().forEach(labels::putIfAbsent);
      rule.put("labels", labels);
      labelled.add(rule);
    }
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("name", full.replaceAll("[^a-zA-Z0-9_:]", "_"));
    group.put("rules", labelled);
    return group;
  }

  /** The library's generic rules: the target is down, or absent. */
  private static List<Object> hostHealth() {
    return List.of(
        Map.of(
            "alert",
            "HostDown",
            "expr",
            "up < 1",
            "for",
            "5m",
            "labels",
            Map.of("severity", "critical"),
            "annotations",
            Map.of(
                "summary",
                "Host '{{ $labels.instance }}' is down.",
                "description",
                "Host '{{ $labels.instance }}' is down, failed to scrape.\n"
                    + "  VALUE = {{ $value }}\n  LABELS = {{ $labels }}")),
        Map.of(
            "alert",
            "HostMetricsMissing",
            "expr",
            "absent(up)",
            "for",
            "5m",
            "labels",
            Map.of("severity", "warning"),
            "annotations",
            Map.of(
                "summary",
                "Metrics not received from host '{{ $labels.instance }}'.",
                "description",
                "The metrics endpoint of '{{ $labels.instance }}' sends no metrics.\n"
                    + "  VALUE = {{ $value }}\n  LABELS = {{ $labels }}")));
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().matches(".*\\.(rule|rules|yml|yaml)$"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Object load(Path file) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
