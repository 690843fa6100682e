package io.backupcharms.ops.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.ConfigChangedEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.StartEvent;
import io.backupcharms.ops.hooktools.FakeTools;
import io.backupcharms.ops.log.JujuLogTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Whole hooks through {@link HookRunner}: environment in, tool calls and committed state out. */
class HookRunnerTest {
  @TempDir Path tmp;
  FakeTools fake;
  Path charmDir;
  ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  PrintStream originalErr;

  /** A charm that counts hooks in stored state and logs through SLF4J. */
  static final class CountingCharm extends CharmBase {
    CountingCharm(Framework fw) {
      super(fw);
      fw.observe(
          HookEvent.class,
          e -> {
            long n = fw.stored().getLong("n").orElse(0L) + 1;
            fw.stored().set("n", n);
            LoggerFactory.getLogger(CountingCharm.class).warn("hook number {}", n);
          });
      fw.observe(CollectStatusEvent.class, e -> e.addStatus(new ActiveStatus("counted")));
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    fake = new FakeTools(Files.createDirectory(tmp.resolve("tools")));
    charmDir = Files.createDirectory(tmp.resolve("charm"));
    Files.writeString(
        charmDir.resolve("metadata.yaml"), "name: counting\nrequires:\n  db:\n    interface: x\n");
    Files.writeString(
        charmDir.resolve("actions.yaml"),
        "greet:\n  params:\n    name: {type: string}\n"
            + "  required: [name]\n  additionalProperties: false\n");
    originalErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void tearDown() {
    System.setErr(originalErr);
    JujuLogTarget.set(null);
  }

  private Map<String, String> env(String dispatchPath, Map<String, String> extra) {
    Map<String, String> env = fake.env();
    env.put("JUJU_DISPATCH_PATH", dispatchPath);
    env.put("JUJU_UNIT_NAME", "counting/0");
    env.put("JUJU_MODEL_NAME", "test");
    env.put("JUJU_CHARM_DIR", charmDir.toString());
    env.putAll(extra);
    return env;
  }

  private int run(Function<Framework, ? extends CharmBase> factory, Map<String, String> env) {
    return HookRunner.run(factory, env);
  }

  @Test
  void aHookCommitsStoredStateSetsStatusAndLogsThroughJujuLog() throws IOException {
    assertEquals(0, run(CountingCharm::new, env("hooks/update-status", Map.of())));
    assertEquals(0, run(CountingCharm::new, env("hooks/config-changed", Map.of())));
    String state = Files.readString(charmDir.resolve(".ops-state.json"));
    assertTrue(state.contains("\"n\":2"), state);
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(charmDir.resolve(".ops-state.json"))));
    List<FakeTools.Call> logs = fake.calls("juju-log");
    assertEquals(
        List.of("juju-log", "--log-level", "WARNING", "--", "hook number 2"), logs.get(1).argv());
    assertEquals(
        List.of("status-set", "--application=False", "active", "--", "counted"),
        fake.calls("status-set").get(0).argv());
  }

  @Test
  void aMissingVariableFailsTheHookNamingIt() {
    Map<String, String> env = env("hooks/start", Map.of());
    env.remove("JUJU_UNIT_NAME");
    assertEquals(1, run(CountingCharm::new, env));
    assertTrue(
        stderr.toString(StandardCharsets.UTF_8).contains("JUJU_UNIT_NAME is not set"),
        stderr.toString());
  }

  @Test
  void aRelationHookWithoutItsRelationIdFailsNamingIt() {
    assertEquals(
        1,
        run(CountingCharm::new, env("hooks/db-relation-changed", Map.of("JUJU_RELATION", "db"))));
    assertTrue(
        stderr.toString(StandardCharsets.UTF_8).contains("JUJU_RELATION_ID is not set"),
        stderr.toString());
  }

  @Test
  void anUnknownHookIsIgnoredWithoutAnyToolCall() {
    assertEquals(0, run(CountingCharm::new, env("hooks/data-storage-attached", Map.of())));
    assertEquals(List.of(), fake.calls());
  }

  @Test
  void aCorruptStateFileFailsTheHookAndIsLeftAsItWas() throws IOException {
    Files.writeString(charmDir.resolve(".ops-state.json"), "{\"version\":1,\"stored\":");
    assertEquals(1, run(CountingCharm::new, env("hooks/update-status", Map.of())));
    assertEquals(
        "{\"version\":1,\"stored\":", Files.readString(charmDir.resolve(".ops-state.json")));
    assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("is corrupt"), stderr.toString());
  }

  @Test
  void aFailingHandlerFailsTheHookCommitsNothingAndReportsThroughJujuLog() {
    Function<Framework, CharmBase> failing =
        fw ->
            new CharmBase(fw) {
              {
                fw.observe(
                    ConfigChangedEvent.class,
                    e -> {
                      fw.stored().set("half", true);
                      throw new IllegalStateException("disk full");
                    });
              }
            };
    assertEquals(1, run(failing, env("hooks/config-changed", Map.of())));
    assertTrue(Files.notExists(charmDir.resolve(".ops-state.json")));
    String logged = String.join(" ", fake.calls("juju-log").get(0).argv());
    assertTrue(logged.contains("ERROR") && logged.contains("disk full"), logged);
  }

  @Test
  void aDeferredEventIsReemittedFirstInTheNextHook() throws IOException {
    Function<Framework, CharmBase> deferring =
        fw ->
            new CharmBase(fw) {
              {
                fw.observe(
                    HookEvent.class,
                    e -> {
                      List<String> seen =
                          new ArrayList<>(
                              fw.stored()
                                  .getString("seen")
                                  .map(s -> List.of(s.split(",")))
                                  .orElse(List.of()));
                      seen.add(e.getClass().getSimpleName());
                      fw.stored().set("seen", String.join(",", seen));
                      if (e instanceof StartEvent && seen.size() < 2) {
                        fw.defer(e);
                      }
                    });
              }
            };
    assertEquals(0, run(deferring, env("hooks/start", Map.of())));
    assertEquals(0, run(deferring, env("hooks/update-status", Map.of())));
    String state = Files.readString(charmDir.resolve(".ops-state.json"));
    assertTrue(state.contains("StartEvent,StartEvent,UpdateStatusEvent"), state);
    assertTrue(state.contains("\"deferred\":[]"), state);
  }

  @Test
  void invalidActionParamsFailTheActionSayingWhatIsAllowedAndSkipTheHandler() {
    fake.answer("action-get", "{\"name\":\"bob\",\"colour\":\"red\"}\n");
    boolean[] ran = {false};
    Function<Framework, CharmBase> charm =
        fw ->
            new CharmBase(fw) {
              {
                fw.observeAction("greet", e -> ran[0] = true);
              }
            };
    assertEquals(0, run(charm, env("actions/greet", Map.of("JUJU_ACTION_UUID", "7"))));
    assertEquals(false, ran[0]);
    String message = fake.calls("action-fail").get(0).argv().get(1);
    assertTrue(
        message.contains("invalid parameters for action greet")
            && message.contains("colour")
            && message.contains("name (string, required)")
            && message.contains("no other parameters"),
        message);
  }

  @Test
  void jujuLogFailingFallsBackToStderrWithoutRecursion() {
    fake.fail("juju-log", "ERROR connection refused", 1);
    assertEquals(0, run(CountingCharm::new, env("hooks/update-status", Map.of())));
    assertEquals(1, fake.calls("juju-log").size());
    String err = stderr.toString(StandardCharsets.UTF_8);
    assertTrue(err.contains("hook number 1") && err.contains("juju-log failed"), err);
  }
}
