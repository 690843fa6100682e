package io.backupcharms.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One localjuju model, driven through the CLI with Juju's verbs. Tests receive it from {@link
 * ModelExtension}; every command is bounded in time and a failing one throws with its stderr,
 * except where a method says it returns the failure.
 */
public final class JujuModel {
  static final Duration COMMAND = Duration.ofSeconds(120);

  /** The least time between two looks at the status while the model is settled. */
  private static final Duration POLL = Duration.ofSeconds(1);

  /** The longest {@link #waitFor} lets hooks run before it looks at the status again. */
  private static final Duration SETTLE_STEP = Duration.ofSeconds(10);

  private final LocalJuju juju;
  private final String name;

  JujuModel(LocalJuju juju, String name) {
    this.juju = juju;
    this.name = name;
  }

  /** The model's name, as {@code -m} takes it. */
  public String name() {
    return name;
  }

  static JujuModel add(LocalJuju juju, String name) {
    juju.ok(COMMAND, "add-model", name);
    return new JujuModel(juju, name);
  }

  void destroy() {
    juju.ok(Duration.ofMinutes(3), "destroy-model", name, "--no-prompt", "--force");
  }

  /** Deploys {@code charm} as {@code application} with {@code units} units and the given config. */
  public void deploy(Path charm, String application, int units, Map<String, String> config) {
    deploy(charm, application, units, config, null);
  }

  /**
   * Deploys as {@link #deploy(Path, String, int, Map)}, on {@code base} ({@code ubuntu@22.04})
   * unless null.
   */
  public void deploy(
      Path charm, String application, int units, Map<String, String> config, String base) {
    List<String> args =
        new ArrayList<>(List.of("deploy", "-m", name, charm.toString(), application));
    if (base != null) {
      args.add("--base");
      args.add(base);
    }
    if (units != 1) {
      args.add("-n");
      args.add(Integer.toString(units));
    }
    config.forEach(
        (k, v) -> {
          args.add("--config");
          args.add(k + "=" + v);
        });
    juju.ok(COMMAND, args.toArray(String[]::new));
  }

  /** Adds {@code count} units to {@code application}. */
  public void addUnit(String application, int count) {
    juju.ok(COMMAND, "add-unit", "-m", name, application, "-n", Integer.toString(count));
  }

  /** Removes units of a principal application; a machine left empty goes with its disk. */
  public void removeUnit(String... units) {
    List<String> args = new ArrayList<>(List.of("remove-unit", "-m", name));
    args.addAll(List.of(units));
    juju.ok(COMMAND, args.toArray(String[]::new));
  }

  /** Removes an application, its units and their machines. */
  public void removeApplication(String application) {
    juju.ok(COMMAND, "remove-application", "-m", name, application, "--no-prompt");
  }

  /**
   * Runs a command line as the docs print it, {@code juju <verb> <args>} (words separated by
   * spaces, no quoting), in this model, and returns what it printed; a failing command throws.
   */
  public String typed(String commandLine, Duration timeout) {
    List<String> words = new ArrayList<>(List.of(commandLine.strip().split("\\s+")));
    if (words.size() < 2 || !words.get(0).equals("juju")) {
      throw new IllegalArgumentException("not a juju command line: " + commandLine);
    }
    List<String> args = new ArrayList<>(List.of(words.get(1), "-m", name));
    args.addAll(words.subList(2, words.size()));
    return juju.ok(timeout, args.toArray(String[]::new)).stdout();
  }

  /** Relates two endpoints, each {@code application:endpoint}. */
  public void integrate(String a, String b) {
    juju.ok(COMMAND, "integrate", "-m", name, a, b);
  }

  /** Removes the relation between two endpoints, each {@code application:endpoint}. */
  public void removeRelation(String a, String b) {
    juju.ok(COMMAND, "remove-relation", "-m", name, a, b);
  }

  /** Sets config options of {@code application}. */
  public void config(String application, Map<String, String> values) {
    List<String> args = new ArrayList<>(List.of("config", "-m", name, application));
    values.forEach((k, v) -> args.add(k + "=" + v));
    juju.ok(COMMAND, args.toArray(String[]::new));
  }

  /** Runs an action and waits for it; a failed action is returned, not thrown. */
  public ActionResult run(
      String unit, String action, Map<String, String> params, Duration timeout) {
    Processes.Result r =
        juju.run(
            timeout.plusSeconds(30), runArgs(unit, action, params, timeout, "--format", "json"));
    if (r.stdout().isBlank()) {
      throw new IllegalStateException(
          "run "
              + action
              + " on "
              + unit
              + " printed no results (exit "
              + r.exitCode()
              + "): "
              + r.stderr().strip());
    }
    JsonNode json = LocalJuju.parse(r.stdout(), "run " + action);
    Iterator<Map.Entry<String, JsonNode>> it = json.fields();
    if (!it.hasNext()) {
      throw new IllegalStateException(
          "run " + action + " on " + unit + " returned no task: " + r.stdout());
    }
    Map.Entry<String, JsonNode> task = it.next();
    JsonNode t = task.getValue();
    return new ActionResult(
        task.getKey(),
        t.path("status").asText(""),
        t.path("message").asText(""),
        t.path("results"),
        r.stdout() + r.stderr());
  }

  /**
   * Runs an action as an operator types it (plain output, no JSON) and returns the command's exit
   * code and output, whoever refused it: the CLI, the action's parameter schema or the charm.
   */
  public Processes.Result runRaw(
      String unit, String action, Map<String, String> params, Duration timeout) {
    return juju.run(timeout.plusSeconds(30), runArgs(unit, action, params, timeout));
  }

  private String[] runArgs(
      String unit, String action, Map<String, String> params, Duration timeout, String... options) {
    List<String> args = new ArrayList<>(List.of("run", "-m", name, unit, action));
    args.addAll(List.of(options));
    args.addAll(List.of("--wait", timeout.toSeconds() + "s"));
    params.forEach((k, v) -> args.add(k + "=" + v));
    return args.toArray(String[]::new);
  }

  /**
   * Waits until no unit has a hook queued or running ({@code wait-for model}): the moment to read
   * what the hooks made of a change, whatever status they set.
   */
  public void settle(Duration timeout) {
    juju.ok(
        timeout.plusSeconds(30), "wait-for", "model", name, "--timeout", timeout.toSeconds() + "s");
  }

  /** Fires update-status on every unit of the applications (or on the named units) now. */
  public void updateStatus(String... targets) {
    List<String> args = new ArrayList<>(List.of("update-status", "-m", name));
    args.addAll(List.of(targets));
    juju.ok(COMMAND, args.toArray(String[]::new));
  }

  /** The model's last {@code lines} debug-log lines. */
  public String debugLog(int lines) {
    return juju.ok(COMMAND, "debug-log", "-m", name, "-n", Integer.toString(lines)).stdout();
  }

  /** The plain status and the last 150 debug-log lines, for failure reports; never throws. */
  String diagnostics() {
    StringBuilder out = new StringBuilder();
    for (String[] args :
        List.of(
            new String[] {"status", "-m", name},
            new String[] {"debug-log", "-m", name, "-n", "150"})) {
      try {
        Processes.Result r = juju.run(COMMAND, args);
        out.append(r.stdout()).append(r.stderr()).append('\n');
      } catch (RuntimeException e) {
        out.append(String.join(" ", args)).append(": ").append(e.getMessage()).append('\n');
      }
    }
    return out.toString();
  }

  /** The model's status now. */
  public ModelStatus status() {
    Processes.Result r = juju.ok(COMMAND, "status", "-m", name, "--format", "json");
    return ModelStatus.of(LocalJuju.parse(r.stdout(), "status"));
  }

  /**
   * Runs a bash command line on the machine of {@code unit}, as root, in the unit's hook context.
   */
  public Processes.Result exec(String unit, String command) {
    // Like juju exec, localjuju joins what follows "--" into one command line for the shell.
    return juju.run(COMMAND, "exec", "-m", name, "--unit", unit, "--", command);
  }

  /** Like {@link #exec} but the command must succeed; returns its stdout. */
  public String sh(String unit, String command) {
    return exec(unit, command).orThrow().stdout();
  }

  /**
   * Polls status until {@code condition} holds.
   *
   * @throws AssertionError naming what was awaited, with every unit's status at the deadline
   */
  public ModelStatus waitFor(
      String description, Duration timeout, Predicate<ModelStatus> condition) {
    Instant deadline = Instant.now().plus(timeout);
    ModelStatus last = null;
    while (true) {
      last = status();
      if (condition.test(last)) {
        return last;
      }
      if (last.units().stream().anyMatch(u -> u.is("error"))) {
        throw new AssertionError(
            "a unit is in error while waiting for " + description + ":" + last.summary());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + description + ":" + last.summary());
      }
      pause(Duration.between(Instant.now(), deadline), description);
    }
  }

  /**
   * Waits before {@link #waitFor} looks at the status again: until the model settles (at most
   * {@link #SETTLE_STEP}), then at least {@link #POLL}. Each look starts a client JVM; looking
   * every half second while hooks run took a fifth of a 2-core machine from the very hooks awaited,
   * and most conditions awaited hold only once the hooks have run.
   */
  private void pause(Duration left, String description) {
    long step = Math.max(1, Math.min(SETTLE_STEP.toSeconds(), left.toSeconds()));
    Instant start = Instant.now();
    // Its exit code does not matter here: the next status tells errors and time-outs apart.
    juju.run(
        Duration.ofSeconds(step).plus(COMMAND), "wait-for", "model", name, "--timeout", step + "s");
    Duration rest = POLL.minus(Duration.between(start, Instant.now()));
    if (!rest.isNegative()) {
      try {
        Thread.sleep(rest.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + description, e);
      }
    }
  }

  /** Waits until every unit of the applications is active and idle. */
  public ModelStatus waitForActive(Duration timeout, String... applications) {
    return waitFor(
        "active and idle: " + String.join(", ", applications),
        timeout,
        s -> {
          for (String app : applications) {
            List<UnitStatus> units = s.unitsOf(app);
            if (units.isEmpty()
                || !units.stream().allMatch(u -> u.is("active") && u.agent().equals("idle"))) {
              return false;
            }
          }
          return true;
        });
  }

  /** Waits until {@code unit} shows {@code workload} with a message containing {@code text}. */
  public ModelStatus waitForUnit(String unit, String workload, String text, Duration timeout) {
    return waitFor(
        unit + " " + workload + " \"" + text + "\"",
        timeout,
        s -> s.unit(unit).map(u -> u.is(workload) && u.message().contains(text)).orElse(false));
  }
}
