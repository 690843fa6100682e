package io.backupcharms.ops;

import io.backupcharms.ops.internal.EventBus;
import io.backupcharms.ops.internal.PersistedState;
import io.backupcharms.ops.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The charm's connection to the running hook: registers observers, defers events, and holds stored
 * state. Handlers run in registration order. One handler may observe many events, which is how the
 * reconcile pattern reads:
 *
 * <pre>{@code
 * framework.observe(HookEvent.class, e -> reconcile());          // every hook
 * framework.observeAction("run-backup", this::onRunBackup);
 * framework.observe(CollectStatusEvent.class, this::collectStatus);
 * }</pre>
 */
public final class Framework {
  private final EventBus bus;
  private final Model model;
  private final PersistedState state;
  private final boolean training;

  /** Created by the dispatcher ({@link Main}) or by ops-testing; charms receive it. */
  public Framework(EventBus bus, Model model, PersistedState state, boolean training) {
    this.bus = bus;
    this.model = model;
    this.state = state;
    this.training = training;
  }

  /** The model of this hook. */
  public Model model() {
    return model;
  }

  /**
   * Calls {@code handler} for every event that is an instance of {@code type}: a concrete event
   * ({@code ConfigChangedEvent.class}) or a family ({@code RelationEvent.class}, {@code
   * HookEvent.class}).
   */
  public <E extends Event> void observe(Class<E> type, Consumer<? super E> handler) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handler, "handler");
    bus.register(type::isInstance, e -> handler.accept(type.cast(e)));
  }

  /** Calls one handler for each of several event types (the reconcile pattern). */
  @SafeVarargs
  public final void observeAll(
      Consumer<? super HookEvent> handler, Class<? extends HookEvent>... types) {
    List<Class<? extends HookEvent>> list = new ArrayList<>();
    for (Class<? extends HookEvent> type : types) {
      list.add(type);
    }
    bus.register(e -> isAny(list, e), e -> handler.accept((HookEvent) e));
  }

  // A loop, not a stream: the stream machinery costs a hook process a millisecond to load.
  private static boolean isAny(List<Class<? extends HookEvent>> types, Event event) {
    for (Class<? extends HookEvent> type : types) {
      if (type.isInstance(event)) {
        return true;
      }
    }
    return false;
  }

  /** Calls {@code handler} for relation events of {@code type} on one endpoint only. */
  public <E extends RelationEvent> void observeRelation(
      String endpoint, Class<E> type, Consumer<? super E> handler) {
    bus.register(
        e -> type.isInstance(e) && type.cast(e).relation().name().equals(endpoint),
        e -> handler.accept(type.cast(e)));
  }

  /** Calls {@code handler} when the named action runs (the name as in actions.yaml). */
  public void observeAction(String actionName, Consumer<ActionEvent> handler) {
    bus.register(
        e -> e instanceof ActionEvent a && a.name().equals(actionName),
        e -> handler.accept((ActionEvent) e));
  }

  /**
   * Defers the event being handled: it is emitted again, before the triggering event, at the start
   * of the next hook (not in actions), until no observer defers it. Use it when something outside
   * the charm is not ready yet; prefer reconciling on the next event when possible.
   *
   * @throws IllegalStateException if called outside the handler of that event
   */
  public void defer(HookEvent event) {
    bus.defer(event);
  }

  /** The charm's own stored state. */
  public StoredState stored() {
    return stored("charm");
  }

  /** A named stored-state namespace, e.g. for a library shared by charms. */
  public StoredState stored(String namespace) {
    return new StoredState(state.namespace(namespace));
  }

  /**
   * Whether this is the packaging tool's class-loading run ({@code -Dops.training=true}) against a
   * fake model: handlers must not touch the machine (install packages, write system files, start
   * services, open network connections) when this is true.
   */
  public boolean isTraining() {
    return training;
  }
}
