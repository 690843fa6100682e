package io.backupcharms.ops.internal;

import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.hooktools.ProcessHookTools;
import io.backupcharms.ops.log.JujuLogTarget;
import io.backupcharms.ops.model.CharmMeta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The packaging tool's class-loading run ({@code -Dops.training=true}): runs config-changed, a
 * relation-changed on the charm's first endpoint, and update-status (each with collect-status)
 * through the same code path as a real hook ({@link HookRunner}), but against fake hook tools that
 * only print canned answers from a temporary directory. Nothing outside that directory is written
 * and no process that changes state is started. Charm handlers see {@code framework.isTraining()}.
 */
public final class TrainingRun {
  private TrainingRun() {}

  /** Runs the training events; returns 0 even if a charm handler fails (reported on stderr). */
  public static int run(Function<Framework, ? extends CharmBase> factory) {
    Path metaDir =
        Path.of(System.getProperty("ops.training.charmDir", System.getProperty("user.dir")));
    Path tmp = null;
    try {
      tmp =
          Files.createTempDirectory(
              "ops-training-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      CharmMeta meta = MetadataLoader.load(metaDir);
      String endpoint =
          meta.relations().values().stream()
              .sorted(
                  Comparator.comparing((CharmMeta.RelationMeta r) -> r.isPeer())
                      .thenComparing(CharmMeta.RelationMeta::name))
              .map(CharmMeta.RelationMeta::name)
              .findFirst()
              .orElse(null);
      Path bin = writeTools(tmp, meta, endpoint);
      Path charmDir = Files.createDirectory(tmp.resolve("charm"));
      for (String file :
          List.of("metadata.yaml", "config.yaml", "actions.yaml", "charmcraft.yaml")) {
        if (Files.isRegularFile(metaDir.resolve(file))) {
          Files.copy(metaDir.resolve(file), charmDir.resolve(file));
        }
      }
      // A real hook reads its environment through System.getenv(); load those classes too.
      System.getenv().size();
      Map<String, String> env = new HashMap<>();
      env.put("PATH", bin + ":/usr/bin:/bin");
      env.put("JUJU_UNIT_NAME", (meta.name().isEmpty() ? "charm" : meta.name()) + "/0");
      env.put("JUJU_MODEL_NAME", "training");
      env.put("JUJU_MODEL_UUID", "00000000-0000-4000-8000-000000000000");
      env.put("JUJU_VERSION", "3.6.4");
      env.put("JUJU_CHARM_DIR", charmDir.toString());
      env.put("LANG", "C.UTF-8");
      hook(factory, env, "config-changed", Map.of());
      if (endpoint != null) {
        hook(
            factory,
            env,
            endpoint + "-relation-changed",
            Map.of(
                "JUJU_RELATION",
                endpoint,
                "JUJU_RELATION_ID",
                endpoint + ":1",
                "JUJU_REMOTE_UNIT",
                "remote/0",
                "JUJU_REMOTE_APP",
                "remote"));
      }
      hook(factory, env, "update-status", Map.of());
      // Charms log; load Logback and the juju-log appender even if these handlers did not.
      JujuLogTarget.set(new ProcessHookTools(env));
      LoggerFactory.getLogger(TrainingRun.class)
          .info("ops training run for charm {} done", meta.name());
      return 0;
    } catch (IOException e) {
      System.err.println("ops training: cannot prepare the temporary directory: " + e);
      return 0;
    } finally {
      JujuLogTarget.set(null);
      deleteTree(tmp);
    }
  }

  /**
   * Runs one hook the way a real one runs (HookRunner: process backend, file state store, metadata
   * from the charm directory), so that exactly those classes get archived.
   */
  private static void hook(
      Function<Framework, ? extends CharmBase> factory,
      Map<String, String> base,
      String hook,
      Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(base);
    env.putAll(extra);
    env.put("JUJU_DISPATCH_PATH", "hooks/" + hook);
    env.put("JUJU_HOOK_NAME", hook);
    if (HookRunner.run(factory, env, true) != 0) {
      System.err.println(
          "ops training: " + hook + " failed (ignored; the classes it loaded are kept)");
    }
  }

  /** One multi-call script, linked under each tool name, printing what Juju would. */
  private static Path writeTools(Path tmp, CharmMeta meta, String endpoint) throws IOException {
    Path bin = Files.createDirectory(tmp.resolve("bin"));
    Map<String, Object> config = new LinkedHashMap<>();
    meta.options()
        .forEach(
            (name, o) -> {
              if (o.defaultValue() != null) {
                config.put(name, o.defaultValue());
              }
            });
    String script =
        "#!/bin/sh\n"
            + "# ops training mode: a harmless stand-in for Juju's hook tools.\n"
            + "n=${0##*/}\n"
            + "case \"$n\" in\n"
            + "  is-leader) echo true ;;\n"
            + "  config-get) echo '"
            + shellQuoted(Json.write(config))
            + "' ;;\n"
            + "  relation-ids) if [ \"$1\" = '"
            + (endpoint == null ? "" : endpoint)
            + "' ]; then echo '[\""
            + (endpoint == null ? "" : endpoint)
            + ":1\"]'; else echo '[]'; fi ;;\n"
            + "  relation-list) case \" $* \" in *' --app '*) echo '\"remote\"' ;; *) echo"
            + " '[\"remote/0\"]' ;; esac ;;\n"
            + "  relation-get) echo"
            + " '{\"egress-subnets\":\"10.0.0.2/32\",\"ingress-address\":\"10.0.0.2\","
            + "\"private-address\":\"10.0.0.2\"}'"
            + " ;;\n"
            + "  status-get) echo '{\"message\":\"\",\"status\":\"unknown\",\"status-data\":{}}'"
            + " ;;\n"
            + "  opened-ports|secret-ids) echo '[]' ;;\n"
            + "  state-get|action-get) echo '{}' ;;\n"
            + "  network-get) echo"
            + " '{\"bind-addresses\":[{\"addresses\":[{\"cidr\":\"10.0.0.0/24\",\"hostname\":\"\","
            + "\"value\":\"10.0.0.5\"}],\"interface-name\":\"eth0\",\"mac-address\":\"\"}],"
            + "\"egress-subnets\":[\"10.0.0.5/32\"],\"ingress-addresses\":[\"10.0.0.5\"]}'"
            + " ;;\n"
            + "  secret-get|secret-info-get) echo 'ERROR secret not found' >&2; exit 1 ;;\n"
            + "  secret-add) echo 'secret:training00000000000000' ;;\n"
            + "  *) cat >/dev/null ;;\n"
            + "esac\n";
    Path tool = bin.resolve("hooktool");
    Files.writeString(tool, script, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    for (String name :
        List.of(
            "is-leader",
            "config-get",
            "relation-ids",
            "relation-list",
            "relation-get",
            "relation-set",
            "status-get",
            "status-set",
            "opened-ports",
            "open-port",
            "close-port",
            "secret-ids",
            "secret-get",
            "secret-info-get",
            "secret-add",
            "secret-set",
            "secret-grant",
            "secret-revoke",
            "secret-remove",
            "state-get",
            "state-set",
            "state-delete",
            "action-get",
            "action-set",
            "action-log",
            "action-fail",
            "network-get",
            "juju-log",
            "application-version-set")) {
      Files.createSymbolicLink(bin.resolve(name), tool);
    }
    return bin;
  }

  private static String shellQuoted(String s) {
    return s.replace("'", "'\\''");
  }

  private static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("ops training: could not delete " + root + ": " + e);
    }
  }
}
