package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks of the units on one machine take turns under the machine lock, as under Juju. */
class SchedulingTest {
  /** Each hook notes its start and end on its machine's list, and lasts long enough to overlap. */
  private static final String TIMED =
      String.join(
          "\n",
          "#!/bin/sh",
          "log=\"$CHARM_DIR/../../intervals-$JUJU_MACHINE_ID.log\"",
          "echo \"$JUJU_UNIT_NAME start $(date +%s%N) $JUJU_DISPATCH_PATH\" >> \"$log\"",
          "sleep 0.2",
          "echo \"$JUJU_UNIT_NAME end $(date +%s%N) $JUJU_DISPATCH_PATH\" >> \"$log\"",
          "");

  private static final Pattern LOCK_LINE =
      Pattern.compile(
          "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d unit-[a-z]+-0: uniter \\(run [a-z-]+ (\\(\\d+;"
              + " [a-z]+(/0)?\\) )?hook\\), waited (\\d+m)?\\d+s, held \\d+s");

  @TempDir Path tmp;

  @Test
  void unitsOnOneMachineRunOneHookAtATimeAndTheLockLogSaysWho() throws Exception {
    Path app = Charms.zip(tmp, "app", Map.of("metadata.yaml", "name: app\n", "dispatch", TIMED));
    Path sub =
        Charms.zip(
            tmp,
            "sub",
            Map.of(
                "metadata.yaml",
                "name: sub\nsubordinate: true\nrequires:\n"
                    + "  host:\n    interface: juju-info\n    scope: container\n",
                "dispatch",
                TIMED));
    Path other =
        Charms.zip(tmp, "other", Map.of("metadata.yaml", "name: other\n", "dispatch", TIMED));
    try (Cli cli = new Cli(tmp, "lock")) {
      assertEquals(
          "5m\n",
          cli.run("model-config", "update-status-hook-interval").ok().out(),
          "a new model fires update-status every 5 minutes, as Juju");
      cli.run("deploy", app.toString()).ok();
      cli.run("deploy", sub.toString()).ok();
      cli.run("integrate", "sub", "app").ok();
      cli.run("deploy", other.toString()).ok();
      cli.settle();

      Path units = tmp.resolve("models").resolve("lock").resolve("units");
      List<long[]> machine0 = intervals(units.resolve("intervals-0.log"));
      assertTrue(
          machine0.size() > 10, "both units' setup hooks ran on machine 0: " + machine0.size());
      for (int i = 1; i < machine0.size(); i++) {
        assertTrue(
            machine0.get(i)[0] >= machine0.get(i - 1)[1],
            "a hook on machine 0 started before the one "
                + "before it ended:\n"
                + Files.readString(units.resolve("intervals-0.log")));
      }

      Path machines = tmp.resolve("models").resolve("lock").resolve("machines");
      List<String> lock0 = Files.readAllLines(machines.resolve("0").resolve("machine-lock.log"));
      List<String> lock1 = Files.readAllLines(machines.resolve("1").resolve("machine-lock.log"));
      for (String line : concat(lock0, lock1)) {
        assertTrue(LOCK_LINE.matcher(line).matches(), "Juju's machine-lock.log line: " + line);
      }
      assertTrue(
          lock0.stream().anyMatch(l -> l.contains("unit-app-0: uniter (run install hook)")),
          lock0.toString());
      assertTrue(
          lock0.stream()
              .anyMatch(
                  l ->
                      l.contains("unit-sub-0: uniter (run relation-joined (")
                          && l.contains("; app/0) hook)")),
          lock0.toString());
      assertTrue(lock1.stream().allMatch(l -> l.contains("unit-other-0:")), lock1.toString());

      // `wait-for model <name>` waits for that model, even when another one is current or none is.
      cli.run("add-model", "elsewhere").ok();
      cli.run("destroy-model", "elsewhere", "--no-prompt").ok();
      cli.run("wait-for", "model", "lock", "--timeout", "30s").ok();
      cli.run("switch", "lock").ok();

      // The timer fires update-status on every started unit at the interval model-config sets.
      cli.run("model-config", "update-status-hook-interval=2s").ok();
      Path log1 = units.resolve("intervals-1.log");
      long until = System.currentTimeMillis() + 20_000;
      while (!Files.readString(log1).contains("hooks/update-status")) {
        assertTrue(
            System.currentTimeMillis() < until,
            "no update-status within 20 s:\n" + Files.readString(log1));
        Thread.sleep(200);
      }
    }
  }

  /** [start, end] of each hook, in order of start; a hook that never ended fails the test. */
  private static List<long[]> intervals(Path log) throws Exception {
    Map<String, long[]> open = new HashMap<>();
    List<long[]> done = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      String[] f = line.split(" ");
      String key = f[0] + " " + f[3];
      if (f[1].equals("start")) {
        open.put(key, new long[] {Long.parseLong(f[2]), -1});
      } else {
        long[] iv = open.remove(key);
        iv[1] = Long.parseLong(f[2]);
        done.add(iv);
      }
    }
    assertTrue(open.isEmpty(), "hooks that never ended: " + open.keySet());
    done.sort((a, b) -> Long.compare(a[0], b[0]));
    return done;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
