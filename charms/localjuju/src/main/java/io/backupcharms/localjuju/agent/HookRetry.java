package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.hooks.UnitQueue;

/**
 * Juju 3.x's uniter retries a failed hook after 5 s, doubling up to 5 minutes, unless model-config
 * {@code automatically-retry-hooks=false}. {@code LOCALJUJU_RETRY_BASE} (a duration, read by the
 * controller at start) shortens the first delay so tests of the backoff stay fast; the cap stays.
 */
final class HookRetry implements UnitQueue.RetryDelay {
  static final long CAP_MILLIS = 5 * 60_000;
  private final Controller c;
  private final long baseMillis;

  HookRetry(Controller c) {
    this.c = c;
    String base = System.getenv("LOCALJUJU_RETRY_BASE");
    this.baseMillis = base == null || base.isBlank() ? 5_000 : Durations.millis(base);
  }

  @Override
  public long millis(String unit, int failures) {
    // Read without the model lock: the queue calls this holding its own monitor, and threads
    // holding the model lock queue hooks, so taking it here could deadlock.
    return c.st.automaticallyRetryHooks ? delay(baseMillis, failures) : -1;
  }

  /** base, 2·base, 4·base ... for the 1st, 2nd, 3rd failure in a row, at most 5 minutes. */
  static long delay(long baseMillis, int failures) {
    long d = baseMillis;
    for (int i = 1; i < failures && d < CAP_MILLIS; i++) {
      d *= 2;
    }
    return Math.min(d, CAP_MILLIS);
  }
}
