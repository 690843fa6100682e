package io.backupcharms.bacula.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PostgreSQL fixture gives what the catalog tests rely on: a password login, then no trace. */
class PostgresServerDaemonTest {
  private static CommandResult psql(String url, String sql) {
    return Command.of(List.of("psql", "-X", "-A", "-t", "-c", sql, url), Duration.ofSeconds(20))
        .run();
  }

  @Test
  void servesARoleWithItsPasswordOnlyAndLeavesNothingBehind() {
    assumeTrue(
        PostgresServer.unavailableReason().isEmpty(),
        () -> PostgresServer.unavailableReason().orElseThrow());
    Path dir;
    long pid;
    try (PostgresServer server = PostgresServer.start("127.0.0.1")) {
      server.createRoleAndDatabase("bacula", "s3cret-pw", "bacula");
      String url = "postgresql://bacula:%s@" + server.endpoint() + "/bacula";
      CommandResult good = psql(String.format(url, "s3cret-pw"), "SELECT current_user");
      assertTrue(good.isSuccess(), good.output());
      assertEquals("bacula", good.output().strip());
      CommandResult bad = psql(String.format(url, "wrong"), "SELECT 1");
      assertFalse(bad.isSuccess());
      assertTrue(bad.output().contains("password authentication failed"), bad.output());
      assertEquals("1", server.psql("bacula", "SELECT 1"));
      dir = server.directory();
      pid = server.postmasterPid();
    }
    assertFalse(Files.exists(dir), "cluster directory removed");
    assertFalse(
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "postmaster stopped");
  }
}
