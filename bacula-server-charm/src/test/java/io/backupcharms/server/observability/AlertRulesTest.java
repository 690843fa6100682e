package io.backupcharms.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules, checked and unit-tested by the real {@code promtool} (Debian's
 * prometheus package): a failed backup fires, a late one fires after its period, a healthy client
 * fires nothing. Their reference page names the same alerts.
 */
class AlertRulesTest {

  static final Path RULES = Path.of("src/charm/src/prometheus_alert_rules/bacula.rules");
  static final Path TESTS = Path.of("src/test/promtool/bacula_test.yaml");

  static String promtool(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "promtool ran too long: " + out);
    assertEquals(0, p.exitValue(), "promtool " + String.join(" ", args) + ":\n" + out);
    return out;
  }

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    String out = promtool(Path.of("."), "check", "rules", RULES.toString());
    assertTrue(out.contains("SUCCESS: 6 rules found"), out);
  }

  @Test
  void everyAlertsUnitTestsPass() throws Exception {
    promtool(TESTS.getParent(), "test", "rules", TESTS.getFileName().toString());
  }

  @Test
  void theReferencePageListsExactlyTheShippedAlerts() throws Exception {
    TreeSet<String> shipped = new TreeSet<>();
    for (Object g : (List<?>) AlertRules.of(RULES.getParent(),
        new Topology("m", "00000000-0000-4000-8000-000000000000", "a", "a/0", "bacula-server"))
        .get("groups")) {
      String name = (String) ((Map<?, ?>) g).get("name");
      if (!name.endsWith("HostHealth_rules")) {
        for (Object r : (List<?>) ((Map<?, ?>) g).get("rules")) {
          shipped.add((String) ((Map<?, ?>) r).get("alert"));
        }
      }
    }
    TreeSet<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^## `(\\w+)`").matcher(Files.readString(Path.of("../docs/reference/alerts.md")));
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertEquals(shipped, documented, "docs/reference/alerts.md has a section per shipped alert");
  }
}
