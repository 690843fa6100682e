package io.backupcharms.ops.internal;

import io.backupcharms.ops.Event;
import io.backupcharms.ops.HookEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Observers in registration order, and the deferral mark of the event being emitted. Behind {@code
 * Framework}, which is the charm-facing side.
 */
public final class EventBus {
  private record Observer(Predicate<Event> accepts, Consumer<Event> handler) {}

  private final List<Observer> observers = new ArrayList<>();
  private Event current;
  private boolean currentDeferred;

  /** Registers a handler for events the predicate accepts. */
  public void register(Predicate<Event> accepts, Consumer<Event> handler) {
    observers.add(new Observer(accepts, handler));
  }

  /**
   * Calls every observer that accepts the event, in registration order.
   *
   * @return whether an observer deferred it
   */
  public boolean emit(Event event) {
    Event previous = current;
    boolean previousDeferred = currentDeferred;
    current = event;
    currentDeferred = false;
    try {
      for (Observer o : List.copyOf(observers)) {
        if (o.accepts().test(event)) {
          o.handler().accept(event);
        }
      }
      return currentDeferred;
    } finally {
      current = previous;
      currentDeferred = previousDeferred;
    }
  }

  /**
   * Marks the event being emitted as deferred.
   *
   * @throws IllegalStateException if it is not the event being emitted, or is an action
   */
  public void defer(HookEvent event) {
    if (event != current) {
      throw new IllegalStateException(
          "defer("
              + event
              + ") called outside that event's observer; defer"
              + " only the event your handler received, while handling it");
    }
    currentDeferred = true;
  }
}
