package io.backupcharms.ops.hooktools;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.backupcharms.ops.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link HookTools} backed by the real tools Juju puts on {@code PATH}. Each call builds the argv,
 * runs the tool through Commons Exec, parses {@code --format=json} and maps failures to {@link
 * ModelError} subclasses.
 */
public final class ProcessHookTools implements HookTools {
  private final ProcessRunner runner;

  /**
   * @param env the hook environment; tools are looked up on its {@code PATH} and run with it
   */
  public ProcessHookTools(Map<String, String> env) {
    this(env, ProcessRunner.TIMEOUT);
  }

  /** With a different time limit per tool call (tests). */
  ProcessHookTools(Map<String, String> env, Duration timeout) {
    this.runner = new ProcessRunner(env, timeout);
  }

  @Override
  public List<String> relationIds(String endpoint) {
    return stringList(json(List.of("relation-ids", endpoint, "--format=json")));
  }

  @Override
  public List<String> relationList(int relationId) {
    return stringList(
        json(List.of("relation-list", "-r", Integer.toString(relationId), "--format=json")));
  }

  @Override
  public Optional<String> relationListApp(int relationId) {
    Object app =
        json(
            List.of("relation-list", "-r", Integer.toString(relationId), "--app", "--format=json"));
    return app instanceof String name && !name.isEmpty() ? Optional.of(name) : Optional.empty();
  }

  @Override
  public Map<String, String> relationGet(int relationId, String unitOrApp, boolean app) {
    List<String> argv =
        new ArrayList<>(List.of("relation-get", "-r", Integer.toString(relationId)));
    if (app) {
      argv.add("--app");
    }
    argv.addAll(List.of("-", unitOrApp, "--format=json"));
    return stringMap(json(argv));
  }

  @Override
  public void relationSet(int relationId, boolean app, Map<String, String> values) {
    List<String> argv =
        new ArrayList<>(List.of("relation-set", "-r", Integer.toString(relationId)));
    if (app) {
      argv.add("--app");
    }
    argv.addAll(List.of("--file", "-"));
    // JSON is valid YAML; values are quoted strings so nothing is trimmed or retyped.
    check(runner.run(argv, Json.write(values).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public Map<String, Object> configGet() {
    Map<String, Object> config = new LinkedHashMap<>();
    object(json(List.of("config-get", "--all", "--format=json")))
        .forEach(
            (k, v) -> {
              if (v != null) {
                config.put(k, v);
              }
            });
    return config;
  }

  @Override
  public boolean isLeader() {
    return Boolean.TRUE.equals(json(List.of("is-leader", "--format=json")));
  }

  @Override
  public void statusSet(boolean application, String status, String message) {
    check(
        runner.run(
            List.of(
                "status-set",
                "--application=" + (application ? "True" : "False"),
                status,
                "--",
                message == null ? "" : message),
            null));
  }

  @Override
  public StatusInfo statusGet(boolean application) {
    Map<String, Object> node =
        object(
            json(
                List.of(
                    "status-get",
                    "--include-data",
                    "--application=" + (application ? "True" : "False"),
                    "--format=json")));
    if (application && node.get("application-status") instanceof Map<?, ?>) {
      node = object(node.get("application-status"));
    }
    return new StatusInfo(text(node, "status"), text(node, "message"));
  }

  @Override
  public void applicationVersionSet(String version) {
    check(runner.run(List.of("application-version-set", "--", version), null));
  }

  @Override
  public void jujuLog(String level, String message) {
    check(runner.run(List.of("juju-log", "--log-level", level, "--", message), null));
  }

  @Override
  public Map<String, Object> actionGet() {
    return object(json(List.of("action-get", "--format=json")));
  }

  @Override
  public void actionSet(Map<String, String> results) {
    List<String> argv = new ArrayList<>(List.of("action-set"));
    // Each k=v is one argv element: no shell, so nothing is split or trimmed on our side.
    results.forEach((k, v) -> argv.add(k + "=" + v));
    check(runner.run(argv, null));
  }

  @Override
  public void actionFail(String message) {
    check(runner.run(List.of("action-fail", message), null));
  }

  @Override
  public void actionLog(String message) {
    check(runner.run(List.of("action-log", message), null));
  }

  @Override
  public void openPort(String spec) {
    check(runner.run(List.of("open-port", spec), null));
  }

  @Override
  public void closePort(String spec) {
    check(runner.run(List.of("close-port", spec), null));
  }

  @Override
  public List<String> openedPorts() {
    return stringList(json(List.of("opened-ports", "--format=json")));
  }

  @Override
  public NetworkInfo networkGet(String binding, OptionalInt relationId) {
    List<String> argv = new ArrayList<>(List.of("network-get", binding));
    relationId.ifPresent(id -> argv.addAll(List.of("-r", Integer.toString(id))));
    argv.add("--format=json");
    Map<String, Object> node = object(json(argv));
    List<NetworkInfo.BindAddress> binds = new ArrayList<>();
    for (Object b : list(node.get("bind-addresses"))) {
      List<NetworkInfo.Address> addresses = new ArrayList<>();
      for (Object a : list(object(b).get("addresses"))) {
        addresses.add(
            new NetworkInfo.Address(text(a, "hostname"), text(a, "value"), text(a, "cidr")));
      }
      binds.add(
          new NetworkInfo.BindAddress(
              text(b, "interface-name"), text(b, "mac-address"), addresses));
    }
    return new NetworkInfo(
        binds, stringList(node.get("ingress-addresses")), stringList(node.get("egress-subnets")));
  }

  @Override
  public String secretAdd(
      Map<String, String> content, String label, String description, String owner) {
    List<String> argv = new ArrayList<>(List.of("secret-add"));
    optional(argv, "--label", label);
    optional(argv, "--description", description);
    optional(argv, "--owner", owner);
    return withContentFiles(argv, content, full -> check(runner.run(full, null)).stdout().trim());
  }

  @Override
  public Map<String, String> secretGet(String id, String label, boolean peek, boolean refresh) {
    List<String> argv = new ArrayList<>(List.of("secret-get"));
    if (id != null) {
      argv.add(id);
    }
    optional(argv, "--label", label);
    if (peek) {
      argv.add("--peek");
    }
    if (refresh) {
      argv.add("--refresh");
    }
    argv.add("--format=json");
    return stringMap(json(argv));
  }

  @Override
  public void secretSet(String id, Map<String, String> content, String label, String description) {
    List<String> argv = new ArrayList<>(List.of("secret-set", id));
    optional(argv, "--label", label);
    optional(argv, "--description", description);
    withContentFiles(
        argv, content == null ? Map.of() : content, full -> check(runner.run(full, null)));
  }

  @Override
  public void secretGrant(String id, int relationId, String unit) {
    List<String> argv =
        new ArrayList<>(List.of("secret-grant", id, "-r", Integer.toString(relationId)));
    optional(argv, "--unit", unit);
    check(runner.run(argv, null));
  }

  @Override
  public void secretRevoke(String id, int relationId, String unit) {
    List<String> argv =
        new ArrayList<>(List.of("secret-revoke", id, "-r", Integer.toString(relationId)));
    optional(argv, "--unit", unit);
    check(runner.run(argv, null));
  }

  @Override
  public void secretRemove(String id, OptionalInt revision) {
    List<String> argv = new ArrayList<>(List.of("secret-remove", id));
    revision.ifPresent(r -> argv.addAll(List.of("--revision", Integer.toString(r))));
    check(runner.run(argv, null));
  }

  @Override
  public List<String> secretIds() {
    return stringList(json(List.of("secret-ids", "--format=json")));
  }

  @Override
  public SecretInfo secretInfoGet(String id, String label) {
    List<String> argv = new ArrayList<>(List.of("secret-info-get"));
    if (id != null) {
      argv.add(id);
    }
    optional(argv, "--label", label);
    argv.add("--format=json");
    Map<String, Object> node = object(json(argv));
    if (node.isEmpty()) {
      throw new SecretNotFoundError(
          "secret " + (id != null ? id : "with label " + label) + " not found", argv, 0, "");
    }
    Map.Entry<String, Object> entry = node.entrySet().iterator().next();
    String uri = entry.getKey().startsWith("secret:") ? entry.getKey() : "secret:" + entry.getKey();
    Object info = entry.getValue();
    int revision = object(info).get("revision") instanceof Number n ? n.intValue() : 0;
    return new SecretInfo(
        uri,
        text(info, "label"),
        revision,
        text(info, "owner"),
        text(info, "rotation"),
        text(info, "description"),
        text(info, "expiry"));
  }

  @Override
  public Map<String, String> stateGet() {
    return stringMap(json(List.of("state-get", "--format=json")));
  }

  @Override
  public void stateSet(Map<String, String> values) {
    check(
        runner.run(
            List.of("state-set", "--file", "-"),
            Json.write(values).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void stateDelete(String key) {
    check(runner.run(List.of("state-delete", key), null));
  }

  private Object json(List<String> argv) {
    ProcessRunner.Output out = check(runner.run(argv, null));
    String text = out.stdout().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new ModelError(
          argv.get(0) + " printed output that is not JSON: " + abbreviate(text),
          argv,
          out.exitCode(),
          out.stderr(),
          e);
    }
  }

  private static ProcessRunner.Output check(ProcessRunner.Output out) {
    if (out.exitCode() == 0) {
      return out;
    }
    throw ToolErrors.map(out);
  }

  /**
   * Secret content goes to Juju as {@code key#file=<path>}, files in a private temporary directory
   * that is deleted afterwards, so values never appear in {@code ps} or argv logs.
   */
  private static <T> T withContentFiles(
      List<String> argv, Map<String, String> content, Function<List<String>, T> call) {
    if (content.isEmpty()) {
      return call.apply(argv);
    }
    Path dir = null;
    try {
      dir =
          Files.createTempDirectory(
              "ops-secret-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      List<String> full = new ArrayList<>(argv);
      int n = 0;
      for (Map.Entry<String, String> e : content.entrySet()) {
        Path file = dir.resolve("v" + n++);
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        full.add(e.getKey() + "#file=" + file);
      }
      return call.apply(full);
    } catch (IOException e) {
      throw new ModelError(
          "cannot write secret content to a temporary file for "
              + argv.get(0)
              + ": "
              + e.getMessage(),
          e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // Best effort: the directory is private (0700) and under the system temp dir.
    }
  }

  private static void optional(List<String> argv, String flag, String value) {
    if (value != null) {
      argv.add(flag);
      argv.add(value);
    }
  }

  private static Map<String, Object> object(Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> map.put(String.valueOf(k), v));
    }
    return map;
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static String text(Object node, String field) {
    Object v = object(node).get(field);
    return v == null ? "" : v.toString();
  }

  private static List<String> stringList(Object value) {
    List<String> list = new ArrayList<>();
    for (Object o : list(value)) {
      list.add(String.valueOf(o));
    }
    return List.copyOf(list);
  }

  private static Map<String, String> stringMap(Object value) {
    Map<String, String> map = new LinkedHashMap<>();
    object(value)
        .forEach(
            (k, v) -> {
              if (v != null) {
                map.put(k, v instanceof String s ? s : Json.write(v));
              }
            });
    return map;
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
