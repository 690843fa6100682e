package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The PostgreSQL fixture gives what the catalog tests rely on: a password login, then no trace. */
class PostgresServerTest {
  @Test
  void servesARoleWithItsPasswordOnlyAndLeavesNothingBehind() {
    assumeTrue(Root.missingReason().isEmpty(), () -> Root.missingReason().orElseThrow());
    assumeTrue(
        PostgresServer.unavailableReason().isEmpty(),
        () -> PostgresServer.unavailableReason().orElseThrow());
    Path dir;
    long pid;
    try (PostgresServer server = PostgresServer.start("127.0.0.1")) {
      server.createRoleAndDatabase("bacula", "s3cret-pw", "bacula");
      String url = "postgresql://bacula:%s@" + server.endpoint() + "/bacula";
      Processes.Result good =
          Processes.run(
              Duration.ofSeconds(20),
              "psql",
              "-X",
              "-A",
              "-t",
              "-c",
              "SELECT current_user",
              String.format(url, "s3cret-pw"));
      assertEquals("bacula", good.orThrow().stdout().strip());
      Processes.Result bad =
          Processes.run(
              Duration.ofSeconds(20),
              "psql",
              "-X",
              "-A",
              "-t",
              "-c",
              "SELECT 1",
              String.format(url, "wrong"));
      assertFalse(bad.isSuccess());
      assertTrue(bad.stderr().contains("password authentication failed"), bad.stderr());
      dir = server.directory();
      pid = server.postmasterPid();
    }
    assertFalse(Files.exists(dir), "cluster directory removed");
    assertFalse(
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "postmaster stopped");
  }
}
