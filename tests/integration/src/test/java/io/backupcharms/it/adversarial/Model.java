package io.backupcharms.it.adversarial;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** One localjuju model driven with Juju's verbs, and what an operator reads back from it. */
final class Model {
  static final Duration COMMAND = Duration.ofSeconds(120);
  static final Duration SETTLE = Duration.ofMinutes(6);
  static final Duration JOB = Duration.ofMinutes(4);

  /** One unit's line in status. */
  record Unit(String name, String workload, String message, String agent) {
    String app() {
      return name.substring(0, name.indexOf('/'));
    }

    @Override
    public String toString() {
      return name + " " + workload + "/" + agent + " \"" + message + "\"";
    }
  }

  /** A finished action; failures are returned, not thrown. */
  record Action(String status, String message, JsonNode results, String raw) {
    boolean completed() {
      return status.equals("completed");
    }

    String result(String key) {
      JsonNode n = results.path(key);
      return n.isMissingNode() ? "" : n.asText();
    }
  }

  private final Cli cli;
  private final String name;

  Model(Cli cli, String name) {
    this.cli = cli;
    this.name = name;
  }

  String name() {
    return name;
  }

  Cli cli() {
    return cli;
  }

  void deploy(java.nio.file.Path charm, String app, Map<String, String> config) {
    List<String> args = new ArrayList<>(List.of("deploy", "-m", name, charm.toString(), app));
    config.forEach((k, v) -> args.addAll(List.of("--config", k + "=" + v)));
    cli.run(COMMAND, args).orThrow();
  }

  void integrate(String a, String b) {
    cli.ok(COMMAND, "integrate", "-m", name, a, b);
  }

  void removeRelation(String a, String b) {
    cli.ok(COMMAND, "remove-relation", "-m", name, a, b);
  }

  void config(String app, String key, String value) {
    cli.ok(COMMAND, "config", "-m", name, app, key + "=" + value);
  }

  /** Waits until no unit has a hook queued or running. */
  void settle() {
    cli.ok(SETTLE.plusSeconds(30), "wait-for", "model", name, "--timeout", SETTLE.toSeconds() + "s");
  }

  Action run(String unit, String action, Map<String, String> params) {
    List<String> args = new ArrayList<>(List.of("run", "-m", name, unit, action, "--format", "json",
        "--wait", JOB.toSeconds() + "s"));
    params.forEach((k, v) -> args.add(k + "=" + v));
    Cli.Result r = cli.run(JOB.plusSeconds(30), args);
    if (r.stdout().isBlank()) {
      throw new IllegalStateException(action + " on " + unit + " printed no results: " + r.stderr());
    }
    Iterator<JsonNode> tasks = Cli.parse(r.stdout(), action).elements();
    JsonNode t = tasks.next();
    return new Action(t.path("status").asText(), t.path("message").asText(), t.path("results"),
        r.stdout() + r.stderr());
  }

  /** Runs an action as an operator would, returning the CLI's exit and output, whether Juju or the charm refused it. */
  Cli.Result runRaw(String unit, String action, Map<String, String> params) {
    List<String> args = new ArrayList<>(List.of("run", "-m", name, unit, action, "--wait", JOB.toSeconds() + "s"));
    params.forEach((k, v) -> args.add(k + "=" + v));
    return cli.run(JOB.plusSeconds(30), args);
  }

  Action backup(String unit) {
    return run("bacula-server/leader", "run-backup", Map.of("client", unit, "level", "Full"));
  }

  Action restore(String unit) {
    return run("bacula-server/leader", "restore", Map.of("client", unit));
  }

  Cli.Result exec(String unit, String command) {
    return cli.run(COMMAND, List.of("exec", "-m", name, "--unit", unit, "--", command));
  }

  String sh(String unit, String command) {
    return exec(unit, command).orThrow().stdout();
  }

  List<Unit> units() {
    JsonNode json = Cli.parse(cli.ok(COMMAND, "status", "-m", name, "--format", "json").stdout(), "status");
    List<Unit> units = new ArrayList<>();
    json.path("applications").elements().forEachRemaining(app -> app.path("units").fields().forEachRemaining(u -> {
      units.add(unit(u.getKey(), u.getValue()));
      u.getValue().path("subordinates").fields().forEachRemaining(s -> units.add(unit(s.getKey(), s.getValue())));
    }));
    return units;
  }

  private static Unit unit(String unitName, JsonNode node) {
    return new Unit(unitName, node.path("workload-status").path("current").asText(""),
        node.path("workload-status").path("message").asText(""), node.path("juju-status").path("current").asText(""));
  }

  Unit unit(String unitName) {
    return units().stream().filter(u -> u.name().equals(unitName)).findFirst()
        .orElseThrow(() -> new AssertionError("no unit " + unitName + " in " + units()));
  }

  /** The first unit of an application (subordinates have no predictable number). */
  Unit first(String app) {
    return units().stream().filter(u -> u.app().equals(app)).findFirst()
        .orElseThrow(() -> new AssertionError("no unit of " + app + " in " + units()));
  }

  /** Polls status until the condition holds; fails naming what was awaited with every unit's status. */
  List<Unit> waitFor(String what, Predicate<List<Unit>> condition) {
    Instant deadline = Instant.now().plus(SETTLE);
    while (true) {
      List<Unit> units = units();
      if (condition.test(units)) {
        return units;
      }
      if (units.stream().anyMatch(u -> u.workload().equals("error"))) {
        throw new AssertionError("a unit is in error while waiting for " + what + ": " + units);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what + ": " + units);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  void waitActive(String... apps) {
    waitFor("active and idle: " + String.join(", ", apps), units -> {
      for (String app : apps) {
        List<Unit> of = units.stream().filter(u -> u.app().equals(app)).toList();
        if (of.isEmpty() || !of.stream().allMatch(u -> u.workload().equals("active") && u.agent().equals("idle"))) {
          return false;
        }
      }
      return true;
    });
  }

  void destroy() {
    cli.ok(Duration.ofMinutes(3), "destroy-model", name, "--no-prompt", "--force");
  }
}
