package io.backupcharms.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The alert rules the charm ships, checked and unit-tested by the real {@code promtool} (Debian's
 * prometheus package, from scripts/install-deps.sh), and kept in step with their reference page,
 * docs/reference/alerts.md.
 */
class AlertRulesTest {

  static final Path RULES = Path.of("src/charm/src/prometheus_alert_rules/bacula.rules");
  static final Path UNIT_TESTS = Path.of("src/test/promtool/bacula_test.yaml");
  static final Path PAGE = Path.of("../docs/reference/alerts.md");

  private static final long PROMTOOL_SECONDS = 120;

  /** A table row of the page, or a rule, as the page shows it. */
  record Alert(String name, String severity, String forDuration) {}

  @TempDir Path tmp;

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    promtool("check", "rules", RULES.toString());
  }

  @Test
  void promtoolUnitTestsOfEveryAlertPass() throws Exception {
    promtool("test", "rules", UNIT_TESTS.toString());
  }

  @Test
  void everyAlertHasAUnitTest() throws Exception {
    String tests = Files.readString(UNIT_TESTS);
    for (Alert alert : rules()) {
      assertTrue(
          tests.contains("alertname: " + alert.name() + "\n"),
          alert.name() + " has no promtool test");
    }
  }

  @Test
  void everyRuleReadsOnlyExportedMetrics() throws Exception {
    for (Map<?, ?> rule : ruleMaps()) {
      Set<String> unknown =
          new TreeSet<>(DashboardTest.metricNames(String.valueOf(rule.get("expr"))));
      unknown.removeAll(DashboardTest.EXPORTED);
      assertTrue(
          unknown.isEmpty(),
          rule.get("alert") + " reads " + unknown + ", which the exporter does not serve");
    }
  }

  @Test
  void everyRuleSaysWhatToDoWithoutMatchingOnTheJujuTopology() throws Exception {
    for (Map<?, ?> rule : ruleMaps()) {
      Object name = rule.get("alert");
      assertFalse(
          String.valueOf(rule.get("expr")).contains("juju_"),
          name + ": COS injects the topology itself");
      Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
      assertTrue(
          annotations != null && annotations.get("summary") != null, name + " has no summary");
      assertTrue(
          String.valueOf(annotations.get("description")).contains("juju "),
          name + ": the description names the juju command to run");
    }
  }

  @Test
  void theReferenceTableListsEveryRuleWithItsSeverityAndFor() throws Exception {
    assertEquals(
        rules(),
        table(Files.readString(PAGE)),
        "the table of "
            + PAGE
            + " lists the rules of "
            + RULES
            + " in order (for: \"at once\" without one)");
  }

  @Test
  void theReferencePageHasAWhatToDoSectionPerAlert() throws Exception {
    String page = Files.readString(PAGE);
    Set<String> shipped = new TreeSet<>();
    rules().forEach(a -> shipped.add(a.name()));
    Map<String, String> sections = sections(page);
    assertEquals(
        shipped, sections.keySet(), PAGE + " has one \"## `Alert`\" section per shipped alert");
    sections.forEach(
        (name, text) ->
            assertTrue(
                text.contains("```shell\njuju "),
                name + "'s section shows the juju commands to run"));
  }

  /** Runs promtool from the module's directory, failing with its output unless it succeeds. */
  private void promtool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Path output = tmp.resolve("promtool.out");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot run promtool: "
              + e.getMessage()
              + "; install Debian's prometheus package (scripts/install-deps.sh)",
          e);
    }
    // Output goes to a file, so a promtool that hangs cannot block the read and the timeout holds.
    if (!process.waitFor(PROMTOOL_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail(
          String.join(" ", command)
              + " ran longer than "
              + PROMTOOL_SECONDS
              + " s:\n"
              + read(output));
    }
    assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + read(output));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static List<Map<?, ?>> ruleMaps() throws IOException {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(RULES));
    List<Map<?, ?>> out = new ArrayList<>();
    for (Object group : (List<?>) ((Map<?, ?>) doc).get("groups")) {
      for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
        out.add((Map<?, ?>) rule);
      }
    }
    return out;
  }

  private static List<Alert> rules() throws IOException {
    List<Alert> out = new ArrayList<>();
    for (Map<?, ?> rule : ruleMaps()) {
      Object forDuration = rule.get("for");
      out.add(
          new Alert(
              String.valueOf(rule.get("alert")),
              String.valueOf(((Map<?, ?>) rule.get("labels")).get("severity")),
              forDuration == null ? "at once" : String.valueOf(forDuration)));
    }
    return out;
  }

  /** The rows of the page's first table: alert, severity, fires when, for. */
  private static List<Alert> table(String page) {
    Matcher row =
        Pattern.compile("(?m)^\\| `(\\w+)` \\| (\\w+) \\| .* \\| ([^|]+?) \\|$").matcher(page);
    List<Alert> out = new ArrayList<>();
    while (row.find()) {
      out.add(new Alert(row.group(1), row.group(2), row.group(3)));
    }
    return out;
  }

  /** Each {@code ## `Alert`} heading with the text up to the next heading of that level. */
  private static Map<String, String> sections(String page) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher heading = Pattern.compile("(?m)^## `(\\w+)`.*$").matcher(page);
    String name = null;
    int start = 0;
    while (heading.find()) {
      if (name != null) {
        out.put(name, page.substring(start, heading.start()));
      }
      name = heading.group(1);
      start = heading.end();
    }
    if (name != null) {
      int end = page.indexOf("\n## ", start);
      out.put(name, page.substring(start, end < 0 ? page.length() : end));
    }
    return out;
  }
}
