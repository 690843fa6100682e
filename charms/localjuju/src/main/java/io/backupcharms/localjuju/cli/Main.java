package io.backupcharms.localjuju.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupcharms.localjuju.agent.ControllerClient;
import io.backupcharms.localjuju.files.Trees;
import io.backupcharms.localjuju.machine.MachineHost;
import io.backupcharms.localjuju.tools.ToolResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Entry point of {@code bin/localjuju}. Exit codes: 0 ok, 1 failure, 2 usage. */
public final class Main {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USAGE =
      String.join(
          "\n",
          "Usage: localjuju <command> [-m <model>] [options]",
          "",
          "A local, Juju-compatible runner for .charm files (development and CI; production runs on"
              + " Juju).",
          "",
          "Model:        add-model <name> | models | switch <name> | destroy-model <name>"
              + " [--no-prompt] [--force]",
          "Applications: deploy <charm|dir> [app] [-n N] [--base ubuntu@22.04|ubuntu@24.04]"
              + " [--config k=v]...",
          "              add-unit <app> [-n N]",
          "              refresh <app> --path <charm|dir>",
          "              remove-application <app> | remove-unit <unit>... | config <app> [key | k=v"
              + " ... | --reset k]",
          "Relations:    integrate <a>[:ep] <b>[:ep] | remove-relation <a>[:ep] <b>[:ep]",
          "Actions:      run <unit|app/leader> <action> [k=v ...] [--format yaml|json] [--wait 10m]"
              + " | show-task <id>",
          "Inspect:      status [--format json|yaml] | debug-log [--include <unit|app>] [--level L]"
              + " [-n N]",
          "Operate:      exec --unit <unit> -- <command> | ssh <unit> <command> | resolve <unit>"
              + " [--no-retry]",
          "              update-status [unit|app ...] | trigger <unit|app> <hook> | wait-for model"
              + " [--timeout 10m]",
          "              model-config [update-status-hook-interval=5m]"
              + " [automatically-retry-hooks=false]",
          "                           [localjuju-grant-delay=3s]",
          "              show-unit <unit>...",
          "");

  private Main() {}

  public static void main(String[] argv) {
    int rc;
    try {
      rc = run(argv);
    } catch (UsageException e) {
      System.err.println("ERROR " + e.getMessage());
      rc = 2;
    } catch (IOException | RuntimeException e) {
      System.err.println("ERROR " + e.getMessage());
      rc = 1;
    }
    System.exit(rc);
  }

  /** A command-line mistake: exit code 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  static int run(String[] argv) throws IOException {
    Home home = new Home();
    List<String> args = new ArrayList<>();
    String model = null;
    boolean afterDashes = false;
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!afterDashes && (a.equals("-m") || a.equals("--model")) && i + 1 < argv.length) {
        model = argv[++i];
      } else if (!afterDashes && a.startsWith("--model=")) {
        model = a.substring("--model=".length());
      } else {
        afterDashes |= a.equals("--");
        args.add(a);
      }
    }
    if (args.isEmpty()
        || args.get(0).equals("help")
        || args.get(0).equals("--help")
        || args.get(0).equals("-h")) {
      System.out.print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    String verb = args.get(0);
    switch (verb) {
      case "add-model":
        return addModel(home, args);
      case "models":
        return models(home);
      case "switch":
        need(args, 2, "switch <model>");
        requireModel(home, args.get(1));
        home.setCurrent(args.get(1));
        return 0;
      case "destroy-model":
        need(args, 2, "destroy-model <model> [--no-prompt] [--force]");
        return destroyModel(home, args);
      default:
        break;
    }
    // As `juju wait-for model <name>`, the model named is the one waited for, whichever is current.
    if (verb.equals("wait-for")
        && args.size() >= 3
        && args.get(1).equals("model")
        && !args.get(2).startsWith("-")) {
      if (model != null && !model.equals(args.get(2))) {
        throw new UsageException(
            "wait-for model " + args.get(2) + " names another model than -m " + model);
      }
      model = args.get(2);
    }
    if (model == null) {
      model = home.current();
      if (model.isEmpty()) {
        throw new UsageException(
            "no current model; run `localjuju add-model <name>` or pass -m <model>");
      }
    }
    Path dir = requireModel(home, model);
    ControllerClient client = new ControllerClient(home.dir, dir);
    if (verb.equals("exec")) {
      return Exec.exec(client, args.subList(1, args.size()));
    }
    if (verb.equals("ssh")) {
      return Exec.ssh(client, args.subList(1, args.size()));
    }
    ToolResult r = client.send(Path.of("").toAbsolutePath(), args);
    System.out.print(r.stdout());
    System.out.flush();
    System.err.print(r.stderr());
    return r.exitCode();
  }

  static void need(List<String> args, int n, String usage) {
    if (args.size() < n) {
      throw new UsageException("missing arguments; usage: localjuju " + usage);
    }
  }

  private static Path requireModel(Home home, String name) {
    Path dir = home.model(name);
    if (!Files.isRegularFile(dir.resolve("state.json"))) {
      throw new UsageException(
          "model \""
              + name
              + "\" not found; see `localjuju models` or add it with "
              + "`localjuju add-model "
              + name
              + "`");
    }
    return dir;
  }

  private static int addModel(Home home, List<String> args) throws IOException {
    need(args, 2, "add-model <name>");
    String name = args.get(1);
    if (!name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
      throw new UsageException(
          "\""
              + name
              + "\" is not a valid model name: use lowercase letters, digits and "
              + "hyphens");
    }
    Path dir = home.model(name);
    Files.createDirectories(dir.getParent());
    try (FileChannel ch =
            FileChannel.open(
                home.dir.resolve("models").resolve(".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      assert lock.isValid();
      if (Files.exists(dir.resolve("state.json"))) {
        System.err.println("ERROR model \"" + name + "\" already exists");
        return 1;
      }
      Files.createDirectories(dir);
      Map<String, Object> state =
          Map.of("name", name, "uuid", UUID.randomUUID().toString(), "block", freeBlock(home));
      JSON.writeValue(dir.resolve("state.json").toFile(), state);
    }
    new ControllerClient(home.dir, dir).ensureRunning();
    home.setCurrent(name);
    System.err.println(
        "Added '"
            + name
            + "' model on localhost/localhost with credential 'localjuju' for user 'admin'");
    return 0;
  }

  /** A third octet for 127.0.N.M not used by another model of this home. */
  private static int freeBlock(Home home) throws IOException {
    List<Integer> used = new ArrayList<>();
    try (Stream<Path> s = Files.list(home.dir.resolve("models"))) {
      for (Path p : s.toList()) {
        Path f = p.resolve("state.json");
        if (Files.isRegularFile(f)) {
          used.add(JSON.readTree(f.toFile()).path("block").asInt());
        }
      }
    }
    // Different homes (parallel test runs) start at different places to avoid sharing addresses.
    int start = 10 + Math.floorMod(home.dir.toString().hashCode(), 200);
    for (int i = 0; i < 240; i++) {
      int b = 10 + Math.floorMod(start - 10 + i, 240);
      if (!used.contains(b)) {
        return b;
      }
    }
    throw new IllegalStateException(
        "no free 127.0.N.0/24 block left for a new model; destroy unused models");
  }

  private static int models(Home home) throws IOException {
    Path models = home.dir.resolve("models");
    String current = home.current();
    System.out.println("Model       Status     Machines  Units");
    if (!Files.isDirectory(models)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(models)) {
      for (Path p : s.sorted().toList()) {
        Path f = p.resolve("state.json");
        if (!Files.isRegularFile(f)) {
          continue;
        }
        JsonNode st = JSON.readTree(f.toFile());
        int units = 0;
        for (JsonNode app : st.path("applications")) {
          units += app.path("units").size();
        }
        String name = p.getFileName().toString();
        System.out.printf(
            "%-11s %-10s %-9d %d%n",
            name + (name.equals(current) ? "*" : ""),
            "available",
            st.path("machines").size(),
            units);
      }
    }
    return 0;
  }

  private static int destroyModel(Home home, List<String> args) throws IOException {
    String name = args.get(1);
    Path dir = requireModel(home, name);
    ControllerClient client = new ControllerClient(home.dir, dir);
    List<String> req = new ArrayList<>(List.of("destroy-model"));
    boolean force = args.contains("--force");
    if (force) {
      req.add("--force");
    }
    for (int i = 2; i < args.size(); i++) {
      if (args.get(i).startsWith("--timeout")) {
        req.add(args.get(i));
        if (!args.get(i).contains("=") && i + 1 < args.size()) {
          req.add(args.get(++i));
        }
      }
    }
    System.err.println("Destroying model");
    try {
      ToolResult r = client.send(Path.of("/"), req);
      System.err.print(r.stderr());
    } catch (IOException e) {
      System.err.println("controller not reachable (" + e.getMessage() + "); cleaning up directly");
    }
    long pid = client.controllerPid();
    ProcessHandle.of(pid)
        .ifPresent(
            h -> {
              try {
                h.onExit().get(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                h.destroyForcibly();
              }
            });
    // Whatever the controller could not do: no machine may outlive its model.
    JsonNode st = JSON.readTree(dir.resolve("state.json").toFile());
    for (JsonNode m : st.path("machines")) {
      MachineHost.stop(m.path("holderPid").asLong());
    }
    if (name.equals(home.current())) {
      Files.deleteIfExists(home.dir.resolve("current-model"));
    }
    // Only now that every machine is stopped (its overlays went with its mount namespace).
    try {
      Trees.delete(dir);
    } catch (IOException e) {
      throw new IOException(
          "model \""
              + name
              + "\" is stopped but its directory is not fully deleted: "
              + e.getMessage(),
          e);
    }
    System.err.println("Model \"" + name + "\" destroyed");
    return 0;
  }
}
