package io.backupcharms.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.pack.PackedCharm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs against the .charm that {@code mvn package} built (charm-parent runs this class in the
 * verify phase): what {@code juju deploy} relies on, and a real hook dispatched as a process.
 */
class BackupIntegratorPackedCharmTest {
  /** A unique application name, so the scripts land in a directory only this test uses. */
  private static final String APP = "bi-packed-test-" + ProcessHandle.current().pid();

  private static final Path SCRIPT_DIR = BackupIntegratorCharm.SCRIPT_ROOT.resolve(APP);

  @TempDir Path tmp;

  @AfterEach
  void removeScripts() throws IOException {
    if (Files.isDirectory(SCRIPT_DIR)) {
      try (Stream<Path> files = Files.list(SCRIPT_DIR)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(SCRIPT_DIR);
    }
    try (Stream<Path> left = Files.list(BackupIntegratorCharm.SCRIPT_ROOT)) {
      if (left.findAny().isEmpty()) {
        Files.delete(BackupIntegratorCharm.SCRIPT_ROOT);
      }
    } catch (NoSuchFileException e) {
      // Nothing was created.
    }
  }

  private static Path projectDir() {
    return Path.of(System.getProperty("charm.project.dir", "."));
  }

  /** The 22.04 archive: the base whose Bacula the tests run. */
  private static Path archive() {
    List<Path> built = PackedCharm.builtArchives(projectDir());
    assertEquals(
        List.of(
            "backup-integrator_ubuntu@22.04-amd64.charm",
            "backup-integrator_ubuntu@24.04-amd64.charm"),
        built.stream().map(p -> p.getFileName().toString()).toList());
    return built.get(0);
  }

  @Test
  void archiveHasWhatJujuDeployReliesOn() {
    for (Path archive : PackedCharm.builtArchives(projectDir())) {
      assertEquals(
          List.of(),
          PackedCharm.open(archive).problemsAgainst(projectDir().resolve("charmcraft.yaml")),
          archive.toString());
    }
    PackedCharm charm = PackedCharm.open(archive());
    assertEquals(List.of("ubuntu@22.04"), charm.bases());
    assertEquals(BackupIntegratorCharm.class.getName(), charm.mainClass());
    Map<String, Object> metadata = charm.yaml("metadata.yaml");
    assertEquals(true, metadata.get("subordinate"));
    assertEquals(
        Map.of("interface", "juju-info", "scope", "container"),
        ((Map<?, ?>) metadata.get("requires")).get("juju-info"));
    assertTrue(charm.entry("lib/charm.jsa").isPresent(), "AppCDS archive");
    assertTrue(
        charm.classpath().stream()
            .noneMatch(
                j -> j.contains("junit") || j.contains("charm-pack") || j.contains("ops-testing")),
        "lean: " + charm.classpath());
  }

  @Test
  void dispatchRunsAConfigChangedHookAsJujuWould() throws Exception {
    Path charmDir = tmp.resolve("agents/unit-" + APP + "-0/charm");
    PackedCharm.open(archive()).extractTo(charmDir);
    FakeHookTools tools =
        new FakeHookTools(
            tmp.resolve("tools"),
            "{\"fileset\":\"/var/lib/myapp, /etc/myapp\",\"run-before-backup\":\"#!/bin/sh\\n"
                + "echo dump\\n"
                + "\"}");

    runHook(charmDir, tools, "config-changed");

    Path script = SCRIPT_DIR.resolve("run-before-backup");
    assertEquals("#!/bin/sh\necho dump\n", Files.readString(script, StandardCharsets.UTF_8));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
    assertTrue(tools.calls().contains("relation-set -r 1 --app --file -"), tools.calls());
    String published = tools.stdin("relation-set");
    assertTrue(published.contains("\"fileset\":\"/var/lib/myapp,/etc/myapp\""), published);
    assertTrue(published.contains("\"run-before-backup\":\"" + script + "\""), published);
    assertTrue(tools.calls().contains("status-set --application=False active"), tools.calls());

    // The next hook finds its own bag already right: it must not write it again.
    Files.writeString(tools.dir.resolve("answers/relation-get"), published.trim());
    Files.delete(tools.dir.resolve("calls.log"));
    runHook(charmDir, tools, "update-status");
    assertFalse(tools.calls().contains("relation-set"), tools.calls());
  }

  private static void runHook(Path charmDir, FakeHookTools tools, String hook) throws Exception {
    Path log = charmDir.resolveSibling("dispatch-" + hook + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(charmDir.resolve("dispatch").toString())
            .directory(charmDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", tools.dir + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("JUJU_CHARM_DIR", charmDir.toString());
    env.put("CHARM_DIR", charmDir.toString());
    env.put("JUJU_DISPATCH_PATH", "hooks/" + hook);
    env.put("JUJU_HOOK_NAME", hook);
    env.put("JUJU_UNIT_NAME", APP + "/0");
    env.put("JUJU_MODEL_NAME", "test");
    env.put("JUJU_MODEL_UUID", "7a3c2f1e-1b2c-4d5e-8f90-5e1f2a3b4c5d");
    env.put("JUJU_VERSION", "3.6.4");
    env.put("JUJU_PRINCIPAL_UNIT", "myapp/0");
    env.put("JUJU_CONTEXT_ID", APP + "/0-" + hook + "-1");
    env.put("LANG", "C.UTF-8");
    Process process = pb.start();
    try {
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "dispatch did not finish in 120 s");
    } finally {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output + "\ncalls:\n" + tools.calls());
  }
}
