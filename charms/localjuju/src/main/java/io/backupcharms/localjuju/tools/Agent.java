package io.backupcharms.localjuju.tools;

import io.backupcharms.localjuju.charm.CharmMeta;
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

  /** Appends a line to the model's log (what debug-log prints). */
  void log(String unit, String level, String source, String message);
}
