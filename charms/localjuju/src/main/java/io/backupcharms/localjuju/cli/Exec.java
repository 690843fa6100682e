package io.backupcharms.localjuju.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupcharms.localjuju.agent.ControllerClient;
import io.backupcharms.localjuju.machine.MachineHost;
import io.backupcharms.localjuju.tools.ToolResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code exec --unit U -- cmd} and {@code ssh U cmd}: run on the unit's machine, status passed
 * through.
 */
final class Exec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Exec() {}

  static int exec(ControllerClient client, List<String> args) throws IOException {
    String unit = null;
    List<String> cmd = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (cmd.isEmpty() && (a.equals("--unit") || a.equals("-u")) && i + 1 < args.size()) {
        unit = args.get(++i);
      } else if (cmd.isEmpty() && a.startsWith("--unit=")) {
        unit = a.substring("--unit=".length());
      } else if (cmd.isEmpty() && a.equals("--")) {
        cmd.addAll(args.subList(i + 1, args.size()));
        break;
      } else {
        cmd.add(a);
      }
    }
    if (unit == null || cmd.isEmpty()) {
      throw new Main.UsageException("usage: localjuju exec --unit <unit> -- <command>");
    }
    return run(client, unit, cmd, true);
  }

  static int ssh(ControllerClient client, List<String> args) throws IOException {
    if (args.isEmpty()) {
      throw new Main.UsageException("usage: localjuju ssh <unit> <command>");
    }
    List<String> cmd = new ArrayList<>(args.subList(1, args.size()));
    if (!cmd.isEmpty() && cmd.get(0).equals("--")) {
      cmd.remove(0);
    }
    if (cmd.isEmpty()) {
      cmd.add("bash -l");
    }
    return run(client, args.get(0), cmd, false);
  }

  /**
   * One argument is a shell line, as with Juju; several are quoted word by word so that {@code --
   * bash -c "a b"} keeps its words (Juju would join them with spaces and lose that).
   */
  static String shellLine(List<String> cmd) {
    if (cmd.size() == 1) {
      return cmd.get(0);
    }
    List<String> quoted = new ArrayList<>();
    for (String w : cmd) {
      quoted.add(w.matches("[A-Za-z0-9_./=:,@%+-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted);
  }

  private static int run(
      ControllerClient client, String unit, List<String> cmd, boolean hookContext)
      throws IOException {
    ToolResult r = client.send(Path.of("/"), List.of("exec-context", unit));
    if (r.exitCode() != 0) {
      System.err.print(r.stderr());
      return r.exitCode();
    }
    JsonNode info = JSON.readTree(r.stdout());
    List<String> full =
        new ArrayList<>(
            MachineHost.enter(
                info.path("pid").asLong(),
                hookContext ? info.path("charm-dir").asText() : "/root"));
    full.addAll(List.of("/bin/bash", "-c", shellLine(cmd)));
    ProcessBuilder pb = new ProcessBuilder(full).inheritIO();
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("LANG", "C.UTF-8");
    env.put("HOME", "/root");
    env.put("TERM", System.getenv().getOrDefault("TERM", "dumb"));
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    String token = "";
    if (hookContext) {
      for (Iterator<Map.Entry<String, JsonNode>> it = info.path("env").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        env.put(e.getKey(), e.getValue().asText());
      }
      token = info.path("env").path("JUJU_CONTEXT_ID").asText();
    }
    int rc;
    try {
      rc = pb.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      rc = 130;
    }
    if (hookContext) {
      client.send(Path.of("/"), List.of("exec-done", token, Integer.toString(rc)));
    }
    return rc;
  }
}
