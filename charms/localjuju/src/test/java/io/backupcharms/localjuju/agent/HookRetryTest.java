package io.backupcharms.localjuju.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Juju 3.x's backoff for failed hooks: 5 s, doubling, at most 5 minutes. */
class HookRetryTest {
  @Test
  void delaysDoubleFromTheBaseUpToFiveMinutes() {
    assertEquals(5_000, HookRetry.delay(5_000, 1));
    assertEquals(10_000, HookRetry.delay(5_000, 2));
    assertEquals(160_000, HookRetry.delay(5_000, 6));
    assertEquals(300_000, HookRetry.delay(5_000, 7));
    assertEquals(300_000, HookRetry.delay(5_000, 1000));
  }
}
