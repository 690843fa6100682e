package io.backupcharms.localjuju.tools;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.model.ModelState;

/**
 * What the tools need from the model's agent. The {@link ModelState} is also the model's lock:
 * every read or write of it happens in {@code synchronized (state())}.
 */
public interface Agent {
  /** The model's state (and lock). */
  ModelState state();

  /** The charm metadata of an application. */
  CharmMeta meta(String app);

  /** Queues a hook on a unit (for hooks a tool call causes at once, such as secret-remove). */
  void queue(String unit, Hook hook);

  /** Model config {@code localjuju-grant-delay} in millis; 0 when unset. */
  long grantDelayMillis();

  /** Appends a line to the model's log (what debug-log prints). */
  void log(String unit, String level, String source, String message);
}
