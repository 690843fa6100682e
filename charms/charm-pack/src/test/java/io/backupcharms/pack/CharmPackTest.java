package io.backupcharms.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmPackTest {
  @TempDir static Path root;
  static SampleCharm sample;
  static Path charm;
  static Path jammy;

  @BeforeAll
  static void pack() throws IOException {
    sample = new SampleCharm(root);
    List<Path> built = new CharmPack(sample.options(true)).pack();
    jammy = sample.outputDir.resolve("sample_ubuntu@22.04-amd64.charm");
    charm = sample.outputDir.resolve("sample_ubuntu@24.04-amd64.charm");
    assertEquals(List.of(jammy, charm), built);
  }

  @Test
  void eachBaseGetsItsOwnArchiveThatNamesOnlyThatBase() {
    PackedCharm older = PackedCharm.open(jammy);
    PackedCharm newer = PackedCharm.open(charm);
    assertEquals(List.of(), older.problemsAgainst(sample.projectDir.resolve("charmcraft.yaml")));
    assertEquals(List.of("ubuntu@22.04"), older.bases());
    assertEquals(List.of("ubuntu@24.04"), newer.bases());
    assertEquals(
        List.of(Map.of("name", "ubuntu", "channel", "22.04", "architectures", List.of("amd64"))),
        older.yaml("manifest.yaml").get("bases"));
    // Only the manifest differs: the same dispatch, YAML and jar run on either base.
    for (String name : List.of("dispatch", "metadata.yaml", "config.yaml", "actions.yaml")) {
      assertEquals(newer.entry(name).orElseThrow().text(), older.entry(name).orElseThrow().text());
    }
    assertArrayEquals(
        newer.entry("lib/charm.jar").orElseThrow().content(),
        older.entry("lib/charm.jar").orElseThrow().content());
    assertEquals(List.of(jammy, charm), PackedCharm.builtArchives(sample.projectDir));
  }

  @Test
  void anArchiveWhoseManifestDisagreesWithItsNameIsCaught() throws IOException {
    Path renamed = root.resolve("renamed").resolve("sample_ubuntu@24.04-amd64.charm");
    Files.createDirectories(renamed.getParent());
    Files.copy(jammy, renamed);
    String all =
        String.join(
            "\n",
            PackedCharm.open(renamed)
                .problemsAgainst(sample.projectDir.resolve("charmcraft.yaml")));
    assertTrue(
        all.contains(
            "manifest.yaml bases are [{name=ubuntu, channel=22.04, "
                + "architectures=[amd64]}]; the file name says [{name=ubuntu, channel=24.04"),
        all);
  }

  @Test
  void bothPlatformNotationsGiveTheirBases() {
    String head = String.join("\n", "type: charm", "name: two", "summary: s", "description: d", "");
    assertEquals(
        List.of(new Platform("ubuntu@24.04", "amd64"), new Platform("ubuntu@24.04", "arm64")),
        Charmcraft.parse(
                head
                    + "base: ubuntu@24.04\nplatforms: {amd64: , arm: {build-on: [arm64], "
                    + "build-for: [arm64]}}\n",
                "a.yaml")
            .platforms());
    assertEquals(
        List.of(new Platform("ubuntu@22.04", "amd64"), new Platform("ubuntu@24.04", "amd64")),
        Charmcraft.parse(
                head
                    + "platforms: {ubuntu@22.04:amd64: , jammy-less: {build-on: "
                    + "[ubuntu@24.04:amd64], build-for: [ubuntu@24.04:amd64]}}\n",
                "b.yaml")
            .platforms());
    CharmPackException mixed =
        assertThrows(
            CharmPackException.class,
            () ->
                Charmcraft.parse(
                    head + "base: ubuntu@24.04\nplatforms: {ubuntu@22.04:amd64: }\n", "c.yaml"));
    assertTrue(
        mixed
            .getMessage()
            .contains("remove the base key and name each platform " + "<base>:<arch>"),
        mixed.getMessage());
    CharmPackException none =
        assertThrows(
            CharmPackException.class,
            () -> Charmcraft.parse(head + "platforms: {amd64: }\n", "d.yaml"));
    assertTrue(
        none.getMessage()
            .contains(
                "platform \"amd64\" names no base; add 'base: "
                    + "ubuntu@24.04', or name the platform <base>:<arch>"),
        none.getMessage());
  }

  @Test
  void archiveHasWhatJujuDeployReliesOn() {
    PackedCharm packed = PackedCharm.open(charm);
    assertEquals(List.of(), packed.problemsAgainst(sample.projectDir.resolve("charmcraft.yaml")));
    assertEquals(0755, packed.entry("dispatch").orElseThrow().mode());
    assertEquals(
        PackedCharm.Entry.Kind.SYMLINK, packed.entry("hooks/install").orElseThrow().kind());
    assertEquals("../dispatch", packed.entry("hooks/upgrade-charm").orElseThrow().text());
    assertEquals(List.of("lib/charm.jar"), packed.classpath());
    assertEquals(List.of("sample-1.0.jar", "dep-2.0.jar"), packed.bundledJars());
    assertTrue(packed.entry("lib/charm.jsa").isPresent());
    Map<String, Object> metadata = packed.yaml("metadata.yaml");
    assertEquals("Sample", metadata.get("display-name"));
    assertEquals(true, metadata.get("subordinate"));
    assertEquals(
        Map.of(
            "options",
            Map.of(
                "fileset",
                Map.of("type", "string", "description", "Paths."),
                "port",
                Map.of("type", "int", "default", 9102, "description", "Port."))),
        packed.yaml("config.yaml"));
    assertEquals(
        List.of(Map.of("name", "ubuntu", "channel", "24.04", "architectures", List.of("amd64"))),
        packed.yaml("manifest.yaml").get("bases"));
  }

  @Test
  void packingTwiceGivesTheSameBytesExceptTheCdsArchive() throws IOException {
    PackedCharm first = PackedCharm.open(charm);
    Path again = root.resolve("again");
    SampleCharm other = new SampleCharm(again);
    new CharmPack(other.options(false)).pack(); // both bases again
    PackedCharm second =
        PackedCharm.open(other.outputDir.resolve("sample_ubuntu@24.04-amd64.charm"));
    for (String name : List.of("metadata.yaml", "config.yaml", "actions.yaml", "manifest.yaml")) {
      assertEquals(first.entry(name).orElseThrow().text(), second.entry(name).orElseThrow().text());
    }
    assertArrayEquals(
        first.entry("lib/charm.jar").orElseThrow().content(),
        second.entry("lib/charm.jar").orElseThrow().content());
  }

  @Test
  void theFatJarFindsWhatTheClassPathWouldFind() throws Exception {
    Path dir = Files.createDirectories(root.resolve("unit-sample-4/charm"));
    PackedCharm.open(charm).extractTo(dir);
    Path resources = root.resolve("resources-fat.out");
    runHook(dir, "hooks/install", null, Map.of("SAMPLE_RESOURCES", resources.toString()));
    // Both jars' service providers, and the resource of the jar first on the class path.
    assertEquals(
        "providers [sample.A, # comment, sample.B] version charm\n", Files.readString(resources));
    assertEquals(
        "sample-1.0.jar\ndep-2.0.jar\n",
        new String(
            PackedCharm.open(charm).jarEntry("lib/charm.jar", FatJar.JARS_LIST).orElseThrow(),
            StandardCharsets.UTF_8));
    // A dependency's module descriptor means nothing on the class path; merged, it would claim
    // every class of the fat jar for that one module.
    assertTrue(PackedCharm.open(charm).jarEntry("lib/charm.jar", "module-info.class").isEmpty());
  }

  @Test
  void separateJarsStillPackAndStartFromTheArchive() throws Exception {
    SampleCharm jars = new SampleCharm(root.resolve("jars-layout"));
    Path built = new CharmPack(jars.options(true, false)).pack().get(0);
    PackedCharm packed = PackedCharm.open(built);
    assertEquals(List.of("lib/sample-1.0.jar", "lib/dep-2.0.jar"), packed.classpath());
    assertTrue(packed.entry("lib/charm.jar").isEmpty());
    assertEquals(List.of("sample-1.0.jar", "dep-2.0.jar"), packed.bundledJars());
    Path dir = Files.createDirectories(root.resolve("unit-sample-5/charm"));
    packed.extractTo(dir);
    Path classLog = root.resolve("class-load-jars.log");
    Path resources = root.resolve("resources-jars.out");
    assertEquals(
        "hooks/start hello from dep\n",
        runHook(dir, "hooks/start", classLog, Map.of("SAMPLE_RESOURCES", resources.toString())));
    assertEquals(
        "providers [sample.A, # comment, sample.B] version charm\n", Files.readString(resources));
    String loads = Files.readString(classLog, StandardCharsets.UTF_8);
    assertTrue(loads.contains("sample.Main source: shared objects file (top)"), loads);
  }

  @Test
  void dispatchMapsTheArchivedModuleGraph() throws Exception {
    // Only G1 maps the archived heap objects on JDK 17; without them the JVM initialises the
    // module system at every start, 10-20 ms a hook.
    Path dir = Files.createDirectories(root.resolve("unit-sample-6/charm"));
    PackedCharm.open(charm).extractTo(dir);
    Path cdsLog = root.resolve("cds.log");
    runHook(
        dir, "hooks/install", null, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:cds=info:file=" + cdsLog));
    String log = Files.readString(cdsLog, StandardCharsets.UTF_8);
    assertTrue(log.contains("full module graph: enabled"), log);
  }

  @Test
  void dispatchRunsTheCharmWithTheCdsArchiveAfterAnUnpackThatLostFileTimes() throws Exception {
    Path dir = Files.createDirectories(root.resolve("unit-sample-0/charm"));
    PackedCharm.open(charm).extractTo(dir);
    Path classLog = root.resolve("class-load.log");
    String out = runHook(dir, "hooks/install", classLog);
    assertEquals("hooks/install hello from dep\n", out);
    String loads = Files.readString(classLog, StandardCharsets.UTF_8);
    assertTrue(loads.contains("sample.Main source: shared objects file (top)"), loads);
  }

  @Test
  void aForeignJdkBuildGetsAnArchiveBuiltOnTheMachine() throws Exception {
    Path dir = unpackedForAnotherJdk("unit-sample-1");
    Path classLog = root.resolve("class-load-foreign.log");
    assertEquals("hooks/start hello from dep\n", runHook(dir, "hooks/start", classLog));
    assertEquals(1, SampleCharm.list(dir.resolve(".cds")).size(), "one local archive");
    String loads = Files.readString(classLog, StandardCharsets.UTF_8);
    assertTrue(loads.contains("sample.Main source: shared objects file (top)"), loads);
  }

  @Test
  void aRefreshedCharmBuildsItsOwnArchiveAndDropsTheOldBuilds() throws Exception {
    Path dir = unpackedForAnotherJdk("unit-sample-7");
    runHook(dir, "hooks/start", null);
    List<Path> first = SampleCharm.list(dir.resolve(".cds"));
    assertEquals(1, first.size(), first.toString());
    String build =
        PackedCharm.open(charm)
            .entry("dispatch")
            .orElseThrow()
            .text()
            .replaceFirst("(?s).*\nCHARM_BUILD='([0-9a-f]{16})'\n.*", "$1");
    assertTrue(first.get(0).getFileName().toString().startsWith(build + "-"), first.toString());

    // juju refresh replaces the charm's files but leaves .cds/: a new build (other jars, whose
    // size could match the old ones) must never map the old archive, even one that failed.
    Files.writeString(dir.resolve(".cds").resolve("0123456789abcdef-x.jsa.failed"), "");
    Path dispatch = dir.resolve("dispatch");
    Files.writeString(
        dispatch,
        Files.readString(dispatch)
            .replaceFirst("(?m)^CHARM_BUILD='[^']*'$", "CHARM_BUILD='fedcba9876543210'"));
    Path classLog = root.resolve("class-load-refreshed.log");
    assertEquals("hooks/start hello from dep\n", runHook(dir, "hooks/start", classLog));
    List<Path> after = SampleCharm.list(dir.resolve(".cds"));
    assertEquals(1, after.size(), after.toString());
    assertTrue(
        after.get(0).getFileName().toString().startsWith("fedcba9876543210-"), after.toString());
    String loads = Files.readString(classLog, StandardCharsets.UTF_8);
    assertTrue(loads.contains("sample.Main source: shared objects file (top)"), loads);
  }

  @Test
  void anOlderJavaFirstInLineIsPassedOver() throws Exception {
    Path dir = Files.createDirectories(root.resolve("unit-sample-3/charm"));
    PackedCharm.open(charm).extractTo(dir);
    Path marker = root.resolve("jdk-11-was-run");
    Path jdk11 = fakeJdk("jdk-11", "11.0.22", "touch " + marker + "\nexit 1");
    assertEquals(
        "hooks/install hello from dep\n",
        runHook(dir, "hooks/install", null, Map.of("JAVA_HOME", jdk11.toString())));
    assertTrue(!Files.exists(marker), "dispatch ran Java 11");
  }

  @Test
  void onJava25OrLaterHookToolsAreNotStartedWithTheDeprecatedVfork() throws Exception {
    Path dir = Files.createDirectories(root.resolve("unit-sample-25/charm"));
    PackedCharm.open(charm).extractTo(dir);
    // A JDK that says it is 25: the real launcher behind a script that records its arguments.
    Path args = root.resolve("jdk-25-args");
    Path jdk25 =
        fakeJdk(
            "jdk-25",
            "25.0.3",
            "echo \"$@\" >> " + args + "\nexec " + CdsTraining.javaLauncher() + " \"$@\"");
    assertEquals(
        "hooks/install hello from dep\n",
        runHook(dir, "hooks/install", null, Map.of("JAVA_HOME", jdk25.toString())));
    String recorded = Files.readString(args);
    assertTrue(
        recorded.contains("-XX:+UseG1GC") && !recorded.contains("launchMechanism=VFORK"), recorded);
  }

  @Test
  void aBrokenArchiveOnlyCostsSpeed() throws Exception {
    Path dir = Files.createDirectories(root.resolve("unit-sample-2/charm"));
    PackedCharm.open(charm).extractTo(dir);
    Files.writeString(dir.resolve("lib/charm.jsa"), "not an archive");
    assertEquals("hooks/install hello from dep\n", runHook(dir, "hooks/install", null));
  }

  @Test
  void theCheckCatchesWhatWouldBreakADeploy() {
    Path broken = root.resolve("broken_ubuntu@24.04-amd64.charm");
    CharmZip.write(
        broken,
        List.of(
            ArchiveItem.bytes(
                "dispatch",
                0644,
                "#!/bin/sh\nMAIN_CLASS='a.B'\nCHARM_CLASSPATH='lib/a.jar'\n"
                    .getBytes(StandardCharsets.UTF_8)),
            ArchiveItem.bytes(
                "hooks/install", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)),
            ArchiveItem.symlink("hooks/start", "../dispatch"),
            ArchiveItem.bytes(
                "metadata.yaml", 0644, "name: [unclosed".getBytes(StandardCharsets.UTF_8))),
        FileTime.fromMillis(0));
    List<String> problems = PackedCharm.open(broken).problems();
    String all = String.join("\n", problems);
    for (String expected :
        List.of(
            "config.yaml is missing",
            "dispatch has mode 644",
            "hooks/install is not a symlink to ../dispatch",
            "hooks/upgrade-charm is not a symlink",
            "metadata.yaml is not valid YAML",
            "lib/a.jar, which is not in the archive",
            "main class a.B is in none of the class path jars")) {
      assertTrue(all.contains(expected), "expected \"" + expected + "\" in:\n" + all);
    }
  }

  @Test
  void charmcraftProblemsAreAllReportedWithTheFix() {
    CharmPackException e =
        assertThrows(
            CharmPackException.class,
            () ->
                Charmcraft.parse(
                    String.join(
                        "\n",
                        "type: charm",
                        "name: Bad_Name",
                        "summary: s",
                        "description: d",
                        "base: ubuntu@24.04",
                        "platforms: {amd64: }",
                        "subordinate: true",
                        "requires: {backup: {interface: backup}}",
                        "config: {options: {port: {type: int, default: x, description: p}}}",
                        "actions: {go: {description: d}}"),
                    "charmcraft.yaml"));
    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("a subordinate charm needs a requires endpoint with scope: " + "container"),
        e.getMessage());
    assertTrue(e.getMessage().contains("actions.go: set additionalProperties"), e.getMessage());
  }

  /** The charm unpacked as if built by a JDK other than this machine's: CDS must be local. */
  private static Path unpackedForAnotherJdk(String unit) throws IOException {
    Path dir = Files.createDirectories(root.resolve(unit).resolve("charm"));
    PackedCharm.open(charm).extractTo(dir);
    Path dispatch = dir.resolve("dispatch");
    Files.writeString(
        dispatch,
        Files.readString(dispatch)
            .replaceFirst(
                "(?m)^PACKED_JAVA_RUNTIME='[^']*'$", "PACKED_JAVA_RUNTIME='17.0.0+0-other'"));
    return dir;
  }

  /** Runs dispatch as Juju would: as a process, in the charm directory, with Juju's variables. */
  /** A JAVA_HOME whose release file says {@code version} and whose bin/java runs {@code script}. */
  private static Path fakeJdk(String name, String version, String script) throws Exception {
    Path bin = Files.createDirectories(root.resolve(name).resolve("bin"));
    Files.writeString(bin.getParent().resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Files.writeString(bin.resolve("java"), "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(
        bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin.getParent();
  }

  private static String runHook(Path charmDir, String dispatchPath, Path classLog)
      throws Exception {
    return runHook(charmDir, dispatchPath, classLog, Map.of());
  }

  private static String runHook(
      Path charmDir, String dispatchPath, Path classLog, Map<String, String> extraEnv)
      throws Exception {
    Path out = charmDir.resolveSibling("hook.out");
    ProcessBuilder pb =
        new ProcessBuilder(charmDir.resolve("dispatch").toString())
            .directory(charmDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(charmDir.resolveSibling("dispatch.log").toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("JUJU_CHARM_DIR", charmDir.toString());
    env.put("JUJU_DISPATCH_PATH", dispatchPath);
    env.put("JUJU_UNIT_NAME", "sample/0");
    env.put("SAMPLE_OUT", out.toString());
    env.putAll(extraEnv);
    if (classLog != null) {
      env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog);
    }
    Process p = pb.start();
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "dispatch did not finish in 120 s");
    } finally {
      p.destroyForcibly();
    }
    String log = Files.readString(charmDir.resolveSibling("dispatch.log"));
    assertEquals(0, p.exitValue(), log);
    return Files.readString(out);
  }
}
