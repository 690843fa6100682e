package io.backupcharms.ops.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example charm dispatched as a real process, as Juju runs it: hook environment in, fake hook
 * tools on PATH (answering like Juju, recording argv and stdin), stored state committed on disk.
 */
class ExampleCharmProcessTest {
  @TempDir Path tmp;
  Path bin;
  Path charmDir;
  Path log;

  @BeforeEach
  void setUp() throws IOException {
    bin = Files.createDirectory(tmp.resolve("bin"));
    charmDir = Files.createDirectory(tmp.resolve("charm"));
    log = tmp.resolve("tools.log");
    for (String f : List.of("metadata.yaml", "config.yaml", "actions.yaml")) {
      Files.copy(Path.of("charm", f), charmDir.resolve(f));
    }
    Path tool = bin.resolve("hooktool");
    Files.writeString(
        tool,
        """
        #!/bin/sh
        n=${0##*/}
        stdin=$(cat)
        { printf '%s' "$n"; for a in "$@"; do printf '|%s' "$a"; done; \
          printf '|stdin=%s\\n' "$stdin"; } >> "$TOOL_LOG"
        case "$n" in
          is-leader) echo false ;;
          config-get) echo '{"opt":"x"}' ;;
          relation-ids) [ "$1" = db ] && echo '["db:3"]' || echo '[]' ;;
          relation-list) echo '["pg/0"]' ;;
          relation-get) echo '{"ingress-address":"10.0.0.7","k":"v"}' ;;
          action-get) cat "$PARAMS" ;;
          *) : ;;
        esac
        """);
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    for (String t :
        List.of(
            "is-leader",
            "config-get",
            "relation-ids",
            "relation-list",
            "relation-get",
            "relation-set",
            "status-set",
            "juju-log",
            "action-get",
            "action-set",
            "action-log",
            "action-fail")) {
      Files.createSymbolicLink(bin.resolve(t), tool);
    }
  }

  private int dispatch(String path, Map<String, String> extra) throws Exception {
    Files.deleteIfExists(log);
    Files.createFile(log);
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ExampleCharm.class.getName());
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(
        Map.of(
            "PATH",
            bin + ":/usr/bin:/bin",
            "TOOL_LOG",
            log.toString(),
            "JUJU_DISPATCH_PATH",
            path,
            "JUJU_UNIT_NAME",
            "ops-example/1",
            "JUJU_MODEL_NAME",
            "m",
            "JUJU_CHARM_DIR",
            charmDir.toString()));
    env.putAll(extra);
    pb.redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("charm process did not finish in 60 s");
      }
    } finally {
      p.destroyForcibly();
    }
    return p.exitValue();
  }

  private List<List<String>> calls() throws IOException {
    List<List<String>> calls = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      calls.add(List.of(line.split("\\|", -1)));
    }
    return calls;
  }

  @Test
  void aRelationHookRunsFromEnvironmentToCommittedState() throws Exception {
    Map<String, String> rel =
        new HashMap<>(
            Map.of(
                "JUJU_RELATION",
                "db",
                "JUJU_RELATION_ID",
                "db:3",
                "JUJU_REMOTE_UNIT",
                "pg/0",
                "JUJU_REMOTE_APP",
                "pg"));
    assertEquals(
        0, dispatch("hooks/db-relation-changed", rel), Files.readString(tmp.resolve("out.txt")));
    List<List<String>> calls = calls();
    assertTrue(
        calls.contains(List.of("relation-set", "-r", "3", "--file", "-", "stdin={\"opt\":\"x\"}")),
        calls.toString());
    // Not the leader: the app bag is left alone.
    assertTrue(calls.stream().noneMatch(c -> c.contains("--app")), calls.toString());
    assertEquals(
        List.of("status-set", "--application=False", "active", "--", "opt=x k=v hooks=1", "stdin="),
        calls.get(calls.size() - 1));
    assertEquals(
        "{\"version\":1,\"stored\":{\"charm\":{\"hooks\":1}},\"deferred\":[]}",
        Files.readString(charmDir.resolve(".ops-state.json")));

    assertEquals(0, dispatch("hooks/update-status", Map.of()));
    assertTrue(Files.readString(charmDir.resolve(".ops-state.json")).contains("\"hooks\":2"));
  }

  @Test
  void anActionWithAnUnknownParameterFailsWithoutRunningTheHandler() throws Exception {
    Path params =
        Files.writeString(tmp.resolve("params.json"), "{\"name\":\"bob\",\"shout\":true}\n");
    assertEquals(
        0, dispatch("actions/greet", Map.of("PARAMS", params.toString(), "JUJU_ACTION_UUID", "5")));
    List<List<String>> calls = calls();
    List<String> fail =
        calls.stream().filter(c -> c.get(0).equals("action-fail")).findFirst().orElseThrow();
    assertTrue(
        fail.get(1).contains("shout") && fail.get(1).contains("name (string, required)"),
        fail.toString());
    assertTrue(calls.stream().noneMatch(c -> c.get(0).equals("action-set")), calls.toString());
  }

  @Test
  void anActionReturnsItsResults() throws Exception {
    Path params = Files.writeString(tmp.resolve("params.json"), "{\"name\":\"bob\"}\n");
    assertEquals(0, dispatch("actions/greet", Map.of("PARAMS", params.toString())));
    List<String> set =
        calls().stream().filter(c -> c.get(0).equals("action-set")).findFirst().orElseThrow();
    assertTrue(
        set.contains("greeting=hello bob") && set.contains("by.unit=ops-example/1"),
        set.toString());
  }
}
