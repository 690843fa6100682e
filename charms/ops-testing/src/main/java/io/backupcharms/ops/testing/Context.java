package io.backupcharms.ops.testing;

import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.internal.Dispatcher;
import io.backupcharms.ops.internal.EventSnapshot;
import io.backupcharms.ops.internal.HookEnvironment;
import io.backupcharms.ops.internal.InMemoryStateStore;
import io.backupcharms.ops.internal.Json;
import io.backupcharms.ops.internal.MetadataLoader;
import io.backupcharms.ops.internal.PersistedState;
import io.backupcharms.ops.log.JujuLogTarget;
import io.backupcharms.ops.model.CharmMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one event of a charm against a {@link State}, in-process:
 *
 * <pre>{@code
 * Context ctx = Context.fromCharmDir(MyCharm::new, Path.of("src/main/charm"));
 * State in = State.empty().withLeader(true).withConfig(Map.of("fileset", "/srv"));
 * State out = ctx.run(ctx.on().configChanged(), in);
 * assertEquals(new ActiveStatus(""), out.unitStatus());
 * }</pre>
 *
 * <p>The real dispatcher runs (deferred events first, then the event, then collect-status, then the
 * stored-state commit), with only the hook tools replaced. After each run the context holds what it
 * recorded: status history, juju-log lines, and for actions the results, logs and failure. An
 * exception from the charm propagates unchanged. Not thread-safe: one run at a time.
 */
public final class Context {
  private final Function<Framework, ? extends CharmBase> factory;
  private final CharmMeta meta;
  private final String unitName;
  private Sandbox last;

  public Context(
      Function<Framework, ? extends CharmBase> factory, CharmMeta meta, String unitName) {
    this.factory = factory;
    this.meta = meta;
    this.unitName = unitName;
  }

  /**
   * A context for the charm whose metadata files are in {@code charmDir}; the unit is {@code
   * <name>/0}.
   */
  public static Context fromCharmDir(
      Function<Framework, ? extends CharmBase> factory, Path charmDir) {
    CharmMeta meta = MetadataLoader.load(charmDir);
    return new Context(factory, meta, (meta.name().isEmpty() ? "charm" : meta.name()) + "/0");
  }

  /** The same charm running as another unit, e.g. {@code bacula-fd/3}. */
  public Context withUnit(String name) {
    return new Context(factory, meta, name);
  }

  /** Builds triggers: {@code ctx.on().updateStatus()}. */
  public On on() {
    return new On();
  }

  public CharmMeta meta() {
    return meta;
  }

  /**
   * Runs one hook or action and returns the state after it.
   *
   * @throws InconsistentStateError if the trigger could not happen in this state
   */
  public State run(Trigger trigger, State state) {
    checkConsistency(trigger, state);
    Sandbox box = new Sandbox(state, meta, unitName);
    last = box;
    if (trigger.isAction()) {
      box.actionParams = new LinkedHashMap<>(trigger.actionParams());
    }
    List<EventSnapshot> deferred = new ArrayList<>();
    for (Trigger d : state.deferred()) {
      deferred.add(snapshot(d));
    }
    Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
    state
        .stored()
        .forEach(
            (ns, values) -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> plain = (Map<String, Object>) Json.toPlain(values);
              stored.put(ns, plain);
            });
    InMemoryStateStore store =
        new InMemoryStateStore(new PersistedState(stored, deferred).toJson());
    MemoryHookTools tools = new MemoryHookTools(box);
    JujuLogTarget.set(tools);
    try {
      Dispatcher.dispatch(
          HookEnvironment.from(env(trigger)), tools, store, () -> meta, factory, false);
    } finally {
      JujuLogTarget.set(null);
    }
    PersistedState after = PersistedState.parse(store.json(), "(in memory)");
    Map<String, Map<String, Object>> storedOut = after.stored();
    List<Trigger> deferredOut = new ArrayList<>();
    after.deferred().forEach(s -> deferredOut.add(Trigger.fromSnapshot(s)));
    return box.toState(state, storedOut, deferredOut);
  }

  /** Runs an action and returns its results, logs and failure with the new state. */
  public ActionOutput runAction(Trigger action, State state) {
    if (!action.isAction()) {
      throw new IllegalArgumentException(
          action + " is not an action; use ctx.on().action(\"name\", params)");
    }
    State out = run(action, state);
    return new ActionOutput(
        out, actionResults(), last.actionLogs, Optional.ofNullable(last.actionFailure));
  }

  /** Every unit status set during the last run, in order. */
  public List<Status> unitStatusHistory() {
    return List.copyOf(requireRun().unitStatusHistory);
  }

  /** Every application status set during the last run, in order. */
  public List<Status> appStatusHistory() {
    return List.copyOf(requireRun().appStatusHistory);
  }

  /** The juju-log records of the last run. */
  public List<LogLine> jujuLog() {
    return List.copyOf(requireRun().jujuLog);
  }

  /** The last action's results, nested again ({@code a.b=c} is {@code {"a":{"b":"c"}}}). */
  public Map<String, Object> actionResults() {
    Map<String, Object> nested = new LinkedHashMap<>();
    requireRun()
        .actionResults
        .forEach(
            (key, value) -> {
              String[] parts = key.split("\\.");
              Map<String, Object> level = nested;
              for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next =
                    (Map<String, Object>)
                        level.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                level = next;
              }
              level.put(parts[parts.length - 1], value);
            });
    return nested;
  }

  private Sandbox requireRun() {
    if (last == null) {
      throw new IllegalStateException(
          "nothing ran yet; call ctx.run(ctx.on().start(), state) first");
    }
    return last;
  }

  private Map<String, String> env(Trigger trigger) {
    Map<String, String> env = new HashMap<>(trigger.env());
    env.put("JUJU_DISPATCH_PATH", trigger.dispatchPath());
    env.put("JUJU_UNIT_NAME", unitName);
    env.put("JUJU_MODEL_NAME", "test-model");
    env.put("JUJU_MODEL_UUID", "00000000-0000-4000-8000-000000000001");
    env.put("JUJU_VERSION", "3.6.4");
    // Never read: state and metadata come from memory.
    env.put("JUJU_CHARM_DIR", "/nonexistent/ops-testing");
    return env;
  }

  private EventSnapshot snapshot(Trigger t) {
    if (t.isAction()) {
      throw new InconsistentStateError(
          List.of("deferred event " + t + " is an action; actions cannot be deferred"));
    }
    return HookEnvironment.from(env(t))
        .event()
        .orElseThrow(
            () ->
                new InconsistentStateError(
                    List.of("deferred event " + t + " is not an event the framework handles")));
  }

  private void checkConsistency(Trigger trigger, State state) {
    List<String> problems = new ArrayList<>();
    boolean declared = !meta.relations().isEmpty();
    for (RelationState r : state.relations()) {
      if (r.endpoint().equals("juju-info") && !meta.relations().containsKey("juju-info")) {
        continue; // provided implicitly by every charm
      }
      if (declared && !meta.relations().containsKey(r.endpoint())) {
        problems.add(
            "relation "
                + r.relationId()
                + " is on endpoint \""
                + r.endpoint()
                + "\", which the charm does not declare (declared: "
                + meta.relations().keySet()
                + ")");
      } else if (declared && meta.relations().get(r.endpoint()).isPeer() != r.peer()) {
        problems.add(
            "relation "
                + r.relationId()
                + ": endpoint \""
                + r.endpoint()
                + "\" is "
                + (r.peer() ? "not " : "")
                + "a peer endpoint; use RelationState."
                + (r.peer() ? "of" : "peer")
                + "(...)");
      }
    }
    if (state.relations().stream().map(RelationState::id).distinct().count()
        != state.relations().size()) {
      problems.add("two relations share an id; give each RelationState its own id");
    }
    if (!meta.options().isEmpty()) {
      state.config().keySet().stream()
          .filter(k -> !meta.options().containsKey(k))
          .forEach(k -> problems.add("config option \"" + k + "\" is not declared in config.yaml"));
    }
    String rid = trigger.env().get("JUJU_RELATION_ID");
    if (rid != null) {
      int id = Integer.parseInt(rid.substring(rid.lastIndexOf(':') + 1));
      if (state.relation(id).isEmpty()) {
        problems.add(
            "the event is about relation "
                + rid
                + ", which is not in the state; add it with"
                + " state.withRelation(...)");
      }
    }
    String sid = trigger.env().get("JUJU_SECRET_ID");
    if (sid != null && state.secrets().stream().noneMatch(s -> s.id().equals(sid))) {
      problems.add(
          "the event is about secret "
              + sid
              + ", which is not in the state; add it with state.withSecret(...)");
    }
    if (trigger.isAction() && !meta.actions().isEmpty()) {
      String name = trigger.dispatchPath().substring("actions/".length());
      if (!meta.actions().containsKey(name)) {
        problems.add(
            "action \""
                + name
                + "\" is not declared in actions.yaml (declared: "
                + meta.actions().keySet()
                + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new InconsistentStateError(problems);
    }
  }
}
