package io.backupcharms.localjuju.hooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A unit's hook queue: one hook at a time, in the order queued; a failed hook stays at the head and
 * the queue stops until {@link #resolve} or until its {@link RetryDelay} has passed, when the hook
 * runs again as Juju's uniter retries it. A hook that {@linkplain Hook#coalesces coalesces} is not
 * queued again while the same one waits to run: the waiting one reads the newer state when it runs.
 * Each unit has its own worker thread; the machine lock serialises units on one machine.
 */
public final class UnitQueue {
  /** When to retry a failed hook by itself. */
  public interface RetryDelay {
    /**
     * Millis to wait before retrying after the {@code failures}-th failure in a row; negative:
     * never.
     */
    long millis(String unit, int failures);
  }

  private final String unit;
  private final HookRunner runner;
  private final RetryDelay retry;

  /** Failures of the head hook in a row; reset by success or resolve. */
  private int failures;

  /** When the blocked head hook retries by itself (epoch millis); 0: only on resolve. */
  private long retryAt;

  private final Deque<Hook> queue = new ArrayDeque<>();
  private final Thread worker;
  private boolean running;

  /** The hook or action running now; null when none. */
  private Hook current;

  private boolean blocked;
  private boolean closed;

  /** Starts the unit's worker thread. */
  public UnitQueue(String unit, HookRunner runner, RetryDelay retry) {
    this.unit = unit;
    this.runner = runner;
    this.retry = retry;
    this.worker = new Thread(this::work, "unit-" + unit);
    this.worker.setDaemon(true);
    this.worker.start();
  }

  /** Queues hooks at the end, in the given order, except those already waiting to run. */
  public synchronized void add(List<Hook> hooks) {
    for (Hook h : hooks) {
      if (!(h.coalesces() && waiting(h))) {
        queue.addLast(h);
      }
    }
    notifyAll();
  }

  /** True when an equal hook is queued and not running yet (a running one read the old state). */
  private boolean waiting(Hook h) {
    boolean passedCurrent = current == null;
    for (Hook q : queue) {
      // The running hook is the first occurrence of its instance; the same instance queued again
      // later is waiting.
      if (!passedCurrent && q == current) {
        passedCurrent = true;
      } else if (q.equals(h)) {
        return true;
      }
    }
    return false;
  }

  /** Queues one hook. */
  public void add(Hook hook) {
    add(List.of(hook));
  }

  /** Retries the failed hook ({@code retry}) or drops it, and restarts the queue. */
  public synchronized void resolve(boolean retry) {
    if (blocked && !retry && !queue.isEmpty()) {
      queue.removeFirst();
    }
    blocked = false;
    failures = 0;
    retryAt = 0;
    notifyAll();
  }

  /** True when nothing is queued or running (a blocked queue is not idle but is settled). */
  public synchronized boolean isIdle() {
    return queue.isEmpty() && !running;
  }

  /** True when the queue stopped on a failed hook and has no action left to run. */
  public synchronized boolean isSettledInError() {
    return blocked && !running && firstAction() == null;
  }

  /** True when the queue stopped on a failed hook. */
  public synchronized boolean isBlocked() {
    return blocked;
  }

  /** The hooks still queued, head first. */
  public synchronized List<Hook> pending() {
    return List.copyOf(queue);
  }

  /** Waits until idle or blocked, at most {@code millis}; true if settled. */
  public synchronized boolean awaitSettled(long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (!((blocked && !running && firstAction() == null) || (queue.isEmpty() && !running))) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(Math.min(left, 500));
    }
    return true;
  }

  /** Stops the worker after the running hook; queued hooks are dropped. */
  public synchronized void close() {
    closed = true;
    queue.clear();
    notifyAll();
  }

  private boolean retryDue() {
    return retryAt > 0 && System.currentTimeMillis() >= retryAt;
  }

  private Hook firstAction() {
    return queue.stream().filter(Hook::isAction).findFirst().orElse(null);
  }

  private void work() {
    while (true) {
      Hook next;
      synchronized (this) {
        // Actions still run while the unit is in error, as in Juju; hooks wait for resolve.
        while (!closed && (queue.isEmpty() || (blocked && firstAction() == null && !retryDue()))) {
          try {
            wait(blocked && retryAt > 0 ? Math.max(1, retryAt - System.currentTimeMillis()) : 0);
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        if (blocked && firstAction() == null) {
          // The retry is due; a switch to automatically-retry-hooks=false since the failure wins.
          retryAt = 0;
          if (retry.millis(unit, failures) < 0) {
            continue;
          }
          blocked = false;
        }
        next = blocked ? firstAction() : queue.peekFirst();
        running = true;
        current = next;
      }
      boolean ok;
      try {
        ok = runner.run(unit, next);
      } catch (RuntimeException e) {
        ok = false;
      }
      synchronized (this) {
        running = false;
        current = null;
        if (ok || next.isAction()) {
          queue.remove(next);
          failures = next.isAction() ? failures : 0;
        } else {
          blocked = true;
          failures++;
          long delay = retry.millis(unit, failures);
          retryAt = delay < 0 ? 0 : System.currentTimeMillis() + delay;
        }
        notifyAll();
      }
    }
  }
}
