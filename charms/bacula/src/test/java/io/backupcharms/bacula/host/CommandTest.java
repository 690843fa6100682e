package io.backupcharms.bacula.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one machine-command runner, with real processes: /bin/sh and what it starts. */
class CommandTest {
  private static final Duration SHORT = Duration.ofSeconds(10);

  @TempDir Path tmp;

  private static CommandResult sh(String script) {
    return Command.of(List.of("sh", "-c", script), SHORT).run();
  }

  @Test
  void exitCodeAndMergedOutputAreKept() {
    CommandResult r = sh("echo out; echo err >&2; exit 3");
    assertEquals(CommandResult.Ending.EXITED, r.ending());
    assertEquals(3, r.exitCode());
    assertFalse(r.isSuccess());
    assertEquals("out\nerr\n", r.output());
    assertEquals(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), r.argv());
    assertSame(r, r.requireExited());
    assertTrue(sh("true").isSuccess());
  }

  @Test
  void tailGivesTheLastLines() {
    assertEquals("3\n4", sh("printf '1\\n2\\n3\\n4\\n'").tail(2));
    assertEquals("1", sh("echo 1").tail(5));
  }

  @Test
  void largeOutputIsKeptWhole() {
    // rclone lsjson of a big bucket prints far more than a pipe buffer; all of it is JSON to parse.
    CommandResult r = sh("i=0; while [ $i -lt 20000 ]; do echo line-$i; i=$((i + 1)); done");
    assertEquals(20000, r.output().lines().count());
    assertTrue(r.output().startsWith("line-0\n"));
  }

  @Test
  void stdinIsDevNullUnlessAFileIsGiven() throws Exception {
    assertEquals("0\n", sh("wc -c | tr -d ' '").output());
    Path input = Files.writeString(tmp.resolve("in"), "secret-pw\n");
    CommandResult r = Command.of(List.of("cat"), SHORT).withStdin(input).run();
    assertEquals("secret-pw\n", r.output());
  }

  @Test
  void environmentIsInheritedExtendedAndTrimmed() {
    Map<String, String> env = new HashMap<>();
    env.put("BACKUPCHARMS_ADDED", "yes");
    env.put("HOME", null);
    CommandResult r =
        Command.of(
                List.of("sh", "-c", "echo \"$BACKUPCHARMS_ADDED:${HOME-unset}:${PATH:+path}\""),
                SHORT)
            .withEnv(env)
            .run();
    assertEquals("yes:unset:path\n", r.output());
  }

  @Test
  void aMissingProgramEndsNotStartedAndRequireExitedSaysWhatToInstall() {
    CommandResult r = Command.of(List.of("/nonexistent/bacula-nothing", "-t"), SHORT).run();
    assertEquals(CommandResult.Ending.NOT_STARTED, r.ending());
    assertEquals(CommandResult.NOT_STARTED, r.exitCode());
    assertFalse(r.isSuccess());
    assertTrue(r.output().startsWith("cannot run /nonexistent/bacula-nothing: "), r.output());
    HostException e = assertThrows(HostException.class, r::requireExited);
    assertTrue(
        e.getMessage().startsWith("cannot run /nonexistent/bacula-nothing: "), e.getMessage());
    assertTrue(
        e.getMessage().endsWith("; is the Debian package providing it installed?"), e.getMessage());
    assertSame(r, e.result().orElseThrow());
  }

  @Test
  void aProgramPastItsTimeLimitIsKilledWithItsChildren() throws Exception {
    Path pidFile = tmp.resolve("child.pid");
    Instant start = Instant.now();
    CommandResult r =
        Command.of(
                List.of("sh", "-c", "echo started; sleep 60 & echo $! > " + pidFile + "; wait"),
                Duration.ofSeconds(1))
            .run();
    assertTrue(
        Duration.between(start, Instant.now()).toSeconds() < 10, "the runner waited for the child");
    assertEquals(CommandResult.Ending.TIMED_OUT, r.ending());
    assertEquals(CommandResult.TIMED_OUT, r.exitCode());
    assertEquals("started\n(killed after 1 s)", r.output());
    long child = Long.parseLong(Files.readString(pidFile).strip());
    assertFalse(runs(child), "the sleep still runs");
    HostException e = assertThrows(HostException.class, r::requireExited);
    assertTrue(e.getMessage().startsWith("sh -c echo started;"), e.getMessage());
    assertTrue(
        e.getMessage().contains("did not finish within its time limit and was killed: started"),
        e.getMessage());
  }

  /** Whether the process runs: a killed child whose new parent has not reaped it yet does not. */
  private static boolean runs(long pid) throws Exception {
    for (int i = 0; i < 50; i++) {
      Path stat = Path.of("/proc/" + pid + "/stat");
      if (!Files.exists(stat) || Files.readString(stat).matches("\\d+ \\(.*\\) Z .*\\s*")) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  @Test
  void anInterruptedCallerKillsTheProgramAndKeepsItsInterruptFlag() {
    Thread.currentThread().interrupt();
    try {
      CommandResult r = sh("sleep 30");
      assertEquals(CommandResult.Ending.INTERRUPTED, r.ending());
      assertTrue(Thread.currentThread().isInterrupted());
      HostException e = assertThrows(HostException.class, r::requireExited);
      assertEquals("interrupted while running sh", e.getMessage());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anEmptyArgvIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Command.of(List.of(), SHORT));
  }
}
