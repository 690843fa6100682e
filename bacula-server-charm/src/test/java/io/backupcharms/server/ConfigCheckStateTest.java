package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How often a hook runs {@code bacula-dir -t}, through a wrapper that logs each run and then runs
 * the real one: once on the bytes it installs when the configuration changed, never when it did
 * not, and one client at a time only when the Director refuses the whole.
 */
class ConfigCheckStateTest extends ServerStateTest {

  static final String FD1 = "relation-prod-other-1-7a6b5c4d3e2f-fd";

  Path checks;

  @BeforeEach
  void wrapTheDirectorsCheck() throws IOException {
    checks = root.resolve("checks.log");
    Path wrapper = root.resolve("bacula-dir-check");
    // $3 is the candidate (-t -c FILE). The Director "refuses" any file naming 10.1.1.66, a
    // stand-in for resources the Bacula model accepts and the Director does not.
    Files.writeString(
        wrapper,
        "#!/bin/sh\nprintf '%s\\n' \"$3\" >> '"
            + checks
            + "'\n"
            + "if grep -q 10.1.1.66 \"$3\"; then echo \"Config error: test refuses 10.1.1.66\"; "
            + "echo \"            : Line 1, col 1 of file $3\"; exit 1; fi\n"
            + "exec "
            + Daemon.DIRECTOR.path()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    workload.checkProgram = d -> d == Daemon.DIRECTOR ? wrapper.toString() : d.path();
  }

  private List<String> checkRuns() throws IOException {
    return Files.exists(checks) ? Files.readAllLines(checks) : List.of();
  }

  private State twoClients(String secondAddress) {
    RelationState good =
        CharmStateTest.fdRelation(
            7,
            "bacula-fd",
            Map.of("bacula-fd/0", CharmStateTest.fdBag(CharmStateTest.FD0, "10.1.1.5")));
    RelationState other =
        CharmStateTest.fdRelation(
            8, "other-fd", Map.of("other-fd/1", CharmStateTest.fdBag(FD1, secondAddress)));
    return State.empty().withLeader(true).withRelation(good).withRelation(other);
  }

  @Test
  void aChangedConfigurationIsCheckedOnceAndAnUnchangedOneNotAtAll() throws IOException {
    State in = twoClients("10.1.1.6");
    State out = ctx.run(ctx.on().relationChanged(in.relation(8).orElseThrow(), "other-fd/1"), in);
    assertEquals("active", out.unitStatus().name(), out.unitStatus().message());
    assertEquals(1, checkRuns().size(), "one bacula-dir -t for two new clients: " + checkRuns());

    ctx.run(ctx.on().updateStatus(), out);
    assertEquals(
        1, checkRuns().size(), "the live file passed when it was installed: " + checkRuns());
  }

  @Test
  void aClientTheDirectorRefusesIsLeftOutAndTheOtherKeepsItsBackups() throws IOException {
    State in = twoClients("10.1.1.66");
    State out = ctx.run(ctx.on().relationChanged(in.relation(8).orElseThrow(), "other-fd/1"), in);

    assertEquals("blocked", out.unitStatus().name());
    assertTrue(
        out.unitStatus()
            .message()
            .startsWith(
                "invalid client data, client left out: relation bacula-dir:8 (other-fd/1): the"
                    + " Director refuses its resources: Config error: test refuses"),
        out.unitStatus().message());
    String conf = workload.directorConfig();
    assertTrue(conf.contains(CharmStateTest.FD0), "the good client is in service");
    assertFalse(conf.contains(FD1), "the refused one is not");
    // The whole, the server alone, each client alone, then the remaining whole.
    assertEquals(5, checkRuns().size(), checkRuns().toString());
  }
}
