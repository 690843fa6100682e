package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real CLI in a child JVM against a private LOCALJUJU_HOME, and cleans up: destroys the
 * model and checks that no machine process, controller or mount is left behind.
 */
final class Cli implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  final Path home;
  final String model;

  /** Extra environment of every command, and so of the controller the first one starts. */
  private final Map<String, String> env;

  /** What a command printed and its exit code. */
  record Result(int rc, String out, String err) {
    Result ok() {
      assertEquals(0, rc, () -> "command failed (" + rc + "): " + err + out);
      return this;
    }
  }

  Cli(Path home, String model) {
    this(home, model, Map.of());
  }

  Cli(Path home, String model, Map<String, String> env) {
    this.home = home;
    this.model = model;
    this.env = Map.copyOf(env);
    run("add-model", model).ok();
  }

  Result run(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "io.backupcharms.localjuju.cli.Main"));
    cmd.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(home, "out", ".txt");
      Path err = Files.createTempFile(home, "err", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      pb.environment().put("LOCALJUJU_HOME", home.toString());
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(
            "localjuju " + String.join(" ", args) + " did not finish in 5 minutes");
      }
      Result r =
          new Result(
              p.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new AssertionError("cannot run localjuju " + String.join(" ", args), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  void settle() {
    run("wait-for", "model", model, "--timeout", "120s").ok();
  }

  JsonNode status() {
    try {
      return JSON.readTree(run("status", "--format", "json").ok().out());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  JsonNode state() throws IOException {
    return JSON.readTree(home.resolve("models").resolve(model).resolve("state.json").toFile());
  }

  String hooks(String unit) throws IOException {
    Path log =
        home.resolve("models")
            .resolve(model)
            .resolve("units")
            .resolve(unit.replace('/', '-'))
            .resolve("hooks.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Host PIDs of the model's machines' PID 1s. */
  List<Long> holderPids() throws IOException {
    List<Long> pids = new ArrayList<>();
    state().path("machines").forEach(m -> pids.add(m.path("holderPid").asLong()));
    return pids;
  }

  @Override
  public void close() throws IOException {
    List<Long> holders =
        Files.exists(home.resolve("models").resolve(model).resolve("state.json"))
            ? holderPids()
            : List.of();
    Path pidFile = home.resolve("models").resolve(model).resolve("controller.pid");
    long controller = Files.exists(pidFile) ? Long.parseLong(Files.readString(pidFile).trim()) : -1;
    run("destroy-model", model, "--no-prompt", "--force").ok();
    for (long pid : holders) {
      assertTrue(
          ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true),
          "machine PID 1 " + pid + " survived");
    }
    ProcessHandle.of(controller).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    assertTrue(
        ProcessHandle.of(controller).map(h -> !h.isAlive()).orElse(true), "controller survived");
    String mounts = Files.readString(Path.of("/proc/mounts"));
    assertTrue(
        !mounts.contains(home.toString()) && !mounts.contains("localjuju-"),
        "mounts left: " + mounts);
  }
}
