package io.backupcharms.ops.internal;

import io.backupcharms.ops.ActionEvent;
import io.backupcharms.ops.ActionParams;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.hooktools.HookTools;
import io.backupcharms.ops.model.CharmMeta;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.ModelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one hook or action against a charm: construct the charm, re-emit deferred events, emit the
 * event, collect status, commit state. Used by {@code Main} with real hook tools and by ops-testing
 * with in-memory ones. An exception from a handler propagates and nothing is committed, exactly as
 * Juju discards a failed hook's relation and port changes.
 */
public final class Dispatcher {
  private Dispatcher() {}

  /** What one run did, for harnesses. */
  public record Outcome(
      boolean handled, List<EventSnapshot> deferred, Optional<ActionEvent> action) {}

  /**
   * Dispatches the hook described by {@code env}.
   *
   * @param meta the charm's metadata, asked for only when needed (relations, actions)
   * @throws DispatchError if the environment lacks a variable the hook always has
   * @throws StateCorruptError if stored state cannot be read
   */
  public static Outcome dispatch(
      HookEnvironment env,
      HookTools tools,
      StateStore store,
      Supplier<CharmMeta> meta,
      Function<Framework, ? extends CharmBase> factory,
      boolean training) {
    Optional<EventSnapshot> event = env.event();
    if (!env.isAction() && event.isEmpty()) {
      // Storage, pebble and metrics hooks, and anything newer than this library.
      return new Outcome(false, List.of(), Optional.empty());
    }
    Supplier<CharmMeta> lazyMeta = memoize(meta);
    try (store) {
      PersistedState state = store.load();
      EventSnapshot snapshot = event.orElse(null);
      int relationId = snapshot == null ? -1 : snapshot.relationId();
      String remoteApp = snapshot == null ? null : snapshot.remoteApp();
      boolean broken = snapshot != null && snapshot.eventKind() == EventKind.RELATION_BROKEN;
      Model model =
          new Model(
              tools,
              new ModelContext(
                  env.unitName(),
                  env.modelName(),
                  env.modelUuid(),
                  env.jujuVersion(),
                  lazyMeta,
                  relationId,
                  remoteApp,
                  broken ? relationId : -1));
      EventBus bus = new EventBus();
      Framework framework = new Framework(bus, model, state, training);
      factory.apply(framework);

      Optional<ActionEvent> action = Optional.empty();
      if (env.isAction()) {
        action = Optional.of(runAction(env, tools, lazyMeta, bus));
      } else {
        List<EventSnapshot> stillDeferred = new ArrayList<>();
        for (EventSnapshot deferred : state.deferred()) {
          if (bus.emit(EventFactory.create(deferred, model))) {
            stillDeferred.add(deferred);
          }
        }
        if (bus.emit(EventFactory.create(snapshot, model))) {
          stillDeferred.add(snapshot);
        }
        state.setDeferred(stillDeferred);
      }

      CollectStatusEvent collect = new CollectStatusEvent();
      bus.emit(collect);
      collect.unitStatus().ifPresent(s -> model.unit().setStatus(s));
      if (collect.appStatus().isPresent() && model.unit().isLeader()) {
        model.app().setStatus(collect.appStatus().get());
      }
      store.commit(state);
      return new Outcome(true, state.deferred(), action);
    }
  }

  private static ActionEvent runAction(
      HookEnvironment env, HookTools tools, Supplier<CharmMeta> meta, EventBus bus) {
    String name = env.actionName();
    Map<String, Object> params = tools.actionGet();
    ActionEvent action = new ActionEvent(name, env.actionId(), new ActionParams(params), tools);
    Optional<CharmMeta.ActionMeta> declared = meta.get().action(name);
    Optional<String> problem = declared.flatMap(a -> ActionParamsValidator.check(a, params));
    if (problem.isPresent()) {
      action.fail(problem.get());
    } else {
      bus.emit(action);
    }
    return action;
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
