package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.hooks.UnitQueue;
import io.backupcharms.localjuju.model.UnitState;

/**
 * Fires update-status on every started unit whose queue is idle, every {@code
 * update-status-hook-interval} (5 minutes unless {@code model-config} changes it), as Juju's timer
 * does; an empty interval turns it off.
 */
final class UpdateStatusTimer {
  private final Controller c;
  private final Thread thread;

  UpdateStatusTimer(Controller c) {
    this.c = c;
    this.thread = new Thread(this::loop, "update-status-timer");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    long last = System.currentTimeMillis();
    while (true) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      synchronized (c.st) {
        if (c.st.updateStatusInterval.isEmpty()) {
          last = System.currentTimeMillis();
          continue;
        }
        long every = Durations.millis(c.st.updateStatusInterval);
        if (System.currentTimeMillis() - last < every) {
          continue;
        }
        last = System.currentTimeMillis();
        for (UnitState u : c.st.allUnits()) {
          UnitQueue q = c.queues.get(u.name);
          if (u.started && !u.dying && u.failedHook.isEmpty() && (q == null || q.isIdle())) {
            c.queue(u.name, Hook.plain("update-status"));
          }
        }
      }
    }
  }
}
