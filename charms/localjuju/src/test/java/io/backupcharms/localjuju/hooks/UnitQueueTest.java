package io.backupcharms.localjuju.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Repeated "look again" hooks coalesce while they wait, as in Juju's uniter; others never do. */
class UnitQueueTest {
  private static final Hook CHANGED_X = Hook.relation("changed", "db", 3, "db/0", "db", "");
  private static final Hook CHANGED_Y = Hook.relation("changed", "db", 3, "db/1", "db", "");

  /** Records each hook it runs; the first run waits until released, so hooks pile up behind it. */
  private static final class GatedRunner implements HookRunner {
    final List<String> ran = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public boolean run(String unit, Hook hook) {
      ran.add(hook.name() + (hook.remoteUnit().isEmpty() ? "" : " " + hook.remoteUnit()));
      if (ran.size() == 1) {
        started.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return true;
    }
  }

  @Test
  void changesQueuedBehindARunningHookRunOncePerRemoteUnitAndConfig() throws Exception {
    GatedRunner runner = new GatedRunner();
    UnitQueue q = new UnitQueue("app/0", runner, (u, n) -> -1);
    q.add(Hook.plain("install"));
    assertTrue(runner.started.await(10, TimeUnit.SECONDS));
    q.add(List.of(CHANGED_X, Hook.plain("config-changed"), CHANGED_Y));
    q.add(
        List.of(CHANGED_X, Hook.plain("config-changed"), CHANGED_X, Hook.plain("config-changed")));
    q.add(Hook.relation("joined", "db", 3, "db/2", "db", ""));
    q.add(Hook.relation("joined", "db", 3, "db/2", "db", ""));
    runner.release.countDown();
    assertTrue(q.awaitSettled(10_000));
    q.close();
    assertEquals(
        List.of(
            "install",
            "db-relation-changed db/0",
            "config-changed",
            "db-relation-changed db/1",
            "db-relation-joined db/2",
            "db-relation-joined db/2"),
        runner.ran);
  }

  @Test
  void aChangeArrivingWhileTheSameHookRunsRunsAgainAfterIt() throws Exception {
    GatedRunner runner = new GatedRunner();
    UnitQueue q = new UnitQueue("app/0", runner, (u, n) -> -1);
    q.add(CHANGED_X);
    assertTrue(runner.started.await(10, TimeUnit.SECONDS));
    // The running hook read the databag before this change: only a new run sees it.
    q.add(CHANGED_X);
    q.add(CHANGED_X);
    runner.release.countDown();
    assertTrue(q.awaitSettled(10_000));
    q.close();
    assertEquals(List.of("db-relation-changed db/0", "db-relation-changed db/0"), runner.ran);
  }
}
