package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed hooks retry by themselves with Juju's doubling backoff, unless {@code
 * automatically-retry-hooks=false}. The base delay is 1 s here instead of Juju's 5 s.
 */
class RetryTest {
  /** config-changed fails on its first two runs and succeeds on the third. */
  private static final Map<String, String> FLAKY =
      Map.of(
          "metadata.yaml",
          "name: flaky\n",
          "dispatch",
          Charms.RECORDER,
          "on/hooks_config-changed",
          "n=$(cat \"$CHARM_DIR/../tries\" 2>/dev/null || echo 0); n=$((n+1))\n"
              + "echo $n > \"$CHARM_DIR/../tries\"\n"
              + "[ $n -ge 3 ] || exit 1\n"
              + "status-set active ok\n");

  @TempDir Path tmp;

  @Test
  void failedHookRetriesAfterOneThenTwoBaseDelays() throws Exception {
    Path charm = Charms.zip(tmp, "flaky", FLAKY);
    try (Cli cli = new Cli(tmp, "retry", Map.of("LOCALJUJU_RETRY_BASE", "1s"))) {
      long start = System.currentTimeMillis();
      cli.run("deploy", charm.toString()).ok();
      while (!cli.hooks("flaky/0").contains("hooks/start")) {
        assertTrue(
            System.currentTimeMillis() - start < 30_000,
            "no retry succeeded: " + cli.hooks("flaky/0"));
        Thread.sleep(200);
      }
      long took = System.currentTimeMillis() - start;
      cli.settle();
      assertTrue(took >= 3000, "retries waited 1 s then 2 s, took " + took + " ms");
      assertTrue(
          cli.hooks("flaky/0")
              .endsWith(
                  "hooks/config-changed  \nhooks/config-changed  \n"
                      + "hooks/config-changed  \nhooks/start  \n"),
          cli.hooks("flaky/0"));
      assertEquals(
          "active",
          cli.status()
              .path("applications")
              .path("flaky")
              .path("units")
              .path("flaky/0")
              .path("workload-status")
              .path("current")
              .asText());
    }
  }

  @Test
  void automaticallyRetryHooksFalseLeavesTheUnitInError() throws Exception {
    Path charm = Charms.zip(tmp, "flaky", FLAKY);
    try (Cli cli = new Cli(tmp, "noretry", Map.of("LOCALJUJU_RETRY_BASE", "1s"))) {
      cli.run("model-config", "automatically-retry-hooks=false").ok();
      assertEquals("false\n", cli.run("model-config", "automatically-retry-hooks").ok().out());
      cli.run("deploy", charm.toString()).ok();
      Thread.sleep(3000);
      assertEquals(
          1,
          cli.hooks("flaky/0").split("hooks/config-changed", -1).length - 1,
          cli.hooks("flaky/0"));
      assertEquals(
          "error",
          cli.status()
              .path("applications")
              .path("flaky")
              .path("units")
              .path("flaky/0")
              .path("workload-status")
              .path("current")
              .asText());
    }
  }
}
