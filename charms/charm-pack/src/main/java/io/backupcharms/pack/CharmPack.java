package io.backupcharms.pack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds {@code <name>_<base>-<arch>.charm} for a charm module: {@code dispatch}, {@code
 * hooks/install|start|upgrade-charm} linking to it, {@code metadata.yaml}, {@code config.yaml},
 * {@code actions.yaml} and {@code manifest.yaml} generated from charmcraft.yaml, the class path
 * under {@code lib/} (one fat jar {@code lib/charm.jar} by default) and the AppCDS archive {@code
 * lib/charm.jsa}. Run from a charm module's build in the {@code package} phase; see the module
 * README.
 */
public final class CharmPack {
  static final List<String> HOOK_LINKS = List.of("install", "start", "upgrade-charm");

  private final PackOptions options;

  CharmPack(PackOptions options) {
    this.options = options;
  }

  /**
   * Command-line entry point; exits non-zero with every problem on stderr when packing fails.
   *
   * @param args see {@link PackOptions#USAGE}
   */
  public static void main(String[] args) {
    try {
      List<Path> built = new CharmPack(PackOptions.parse(args)).pack();
      built.forEach(p -> System.out.println("[charm-pack] built " + p));
    } catch (CharmPackException e) {
      System.err.println("[charm-pack] ERROR " + e.getMessage());
      System.exit(1);
    }
  }

  /** Packs and verifies; returns the archives written. */
  List<Path> pack() {
    Charmcraft charmcraft = Charmcraft.load(options.projectDir().resolve("charmcraft.yaml"));
    Path stage = options.outputDir().resolve("charm").resolve(charmcraft.name());
    deleteTree(stage);
    try {
      Files.createDirectories(stage.resolve("lib"));
    } catch (IOException e) {
      throw new CharmPackException("cannot create " + stage + ": " + e.getMessage(), e);
    }
    List<String> jars = stageJars(stage.resolve("lib"));
    String classpath = String.join(":", jars);
    FileTime time = FileTime.from(options.timestamp());
    String packedRuntime = options.cds() ? CdsTraining.runtimeVersion() : "";
    byte[] dispatch =
        DispatchScript.render(
                charmcraft.name(),
                options.mainClass(),
                classpath,
                options.timestamp().getEpochSecond(),
                packedRuntime,
                options.jvmFlags(),
                buildDigest(stage, jars))
            .getBytes(StandardCharsets.UTF_8);

    Map<String, byte[]> generated = new LinkedHashMap<>();
    generated.put("metadata.yaml", yaml(charmcraft.metadata()));
    generated.put("config.yaml", yaml(charmcraft.config()));
    generated.put("actions.yaml", yaml(charmcraft.actions()));
    // The training run reads the same files the charm reads when Juju runs it.
    writeStaged(stage, "dispatch", dispatch, true);
    generated.forEach((name, bytes) -> writeStaged(stage, name, bytes, false));
    List<ArchiveItem> extra = extraFiles(stage);
    if (options.cds()) {
      Path log = options.outputDir().resolve("charm-pack-" + charmcraft.name() + "-cds.log");
      try {
        Files.deleteIfExists(log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      CdsTraining.run(stage, classpath, options.mainClass(), options.jvmFlags(), log);
    }

    List<Path> built = new ArrayList<>();
    // One archive per platform, as charmcraft packs: each manifest names only its own base.
    for (Platform platform : charmcraft.platforms()) {
      List<ArchiveItem> items = new ArrayList<>();
      items.add(ArchiveItem.bytes("dispatch", 0755, dispatch));
      items.add(ArchiveItem.directory("hooks"));
      HOOK_LINKS.forEach(h -> items.add(ArchiveItem.symlink("hooks/" + h, "../dispatch")));
      generated.forEach((name, bytes) -> items.add(ArchiveItem.bytes(name, 0644, bytes)));
      items.add(ArchiveItem.bytes("manifest.yaml", 0644, yaml(charmcraft.manifest(platform))));
      items.add(ArchiveItem.directory("lib"));
      for (String jar : jars) {
        items.add(ArchiveItem.file(jar, 0644, stage.resolve(jar)));
      }
      if (options.cds()) {
        items.add(ArchiveItem.file(CdsTraining.ARCHIVE, 0644, stage.resolve(CdsTraining.ARCHIVE)));
      }
      items.addAll(extra);
      Path target = options.outputDir().resolve(charmcraft.fileName(platform));
      CharmZip.write(target, items, time);
      List<String> problems =
          PackedCharm.open(target).problemsAgainst(options.projectDir().resolve("charmcraft.yaml"));
      if (!problems.isEmpty()) {
        throw new CharmPackException(problems);
      }
      built.add(target);
    }
    return built;
  }

  /**
   * Puts the class path under lib/ with the fixed mtime CDS records: one fat jar ({@link FatJar}),
   * or the charm jar and its runtime dependencies as they are. Returns the class path entries
   * relative to the charm directory.
   */
  private List<String> stageJars(Path lib) {
    List<Path> sources = classpathJars();
    if (options.fatJar()) {
      Path fat = lib.resolveSibling(FatJar.PATH);
      FatJar.write(fat, sources, FileTime.from(options.timestamp()));
      setMtime(fat);
      return List.of(FatJar.PATH);
    }
    List<String> jars = new ArrayList<>();
    for (Path source : sources) {
      Path target = lib.resolve(source.getFileName().toString());
      try {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new CharmPackException(
            "cannot copy " + source + " into " + lib + ": " + e.getMessage(), e);
      }
      setMtime(target);
      jars.add("lib/" + target.getFileName());
    }
    return jars;
  }

  /** The charm jar, then its runtime dependencies in Maven order; all checked to be jars. */
  private List<Path> classpathJars() {
    List<Path> sources = new ArrayList<>();
    sources.add(options.charmJar());
    String line;
    try {
      line = Files.readString(options.classpathFile(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new CharmPackException(
          "cannot read the class path file "
              + options.classpathFile()
              + ": "
              + e.getMessage()
              + "; run maven-dependency-plugin's build-classpath goal before "
              + "charm-pack (see charms/charm-pack/README.md)",
          e);
    }
    if (!line.isEmpty()) {
      for (String entry : line.split(File.pathSeparator)) {
        sources.add(Path.of(entry));
      }
    }
    Set<String> names = new HashSet<>();
    for (Path source : sources) {
      String name = source.getFileName().toString();
      if (!Files.isRegularFile(source) || !name.endsWith(".jar")) {
        throw new CharmPackException(
            "class path entry "
                + source
                + " is not a jar file; run "
                + "charm-pack in the package phase, after the jar plugin, so that every module is "
                + "packaged");
      }
      if (!names.add(name)) {
        throw new CharmPackException(
            "two class path jars are both named " + name + "; rename " + "or exclude one");
      }
    }
    return sources;
  }

  /** The first 16 hex digits of the SHA-256 of the class path jars, in class path order. */
  private static String buildDigest(Path stage, List<String> jars) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String jar : jars) {
        sha.update(jar.getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(stage.resolve(jar)));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new CharmPackException(
          "cannot read the staged jars in " + stage + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  private void setMtime(Path jar) {
    try {
      Files.setLastModifiedTime(jar, FileTime.from(options.timestamp()));
    } catch (IOException e) {
      throw new CharmPackException("cannot set the time of " + jar + ": " + e.getMessage(), e);
    }
  }

  /** Files under src/charm/ are shipped as they are (icons, templates, README). */
  private List<ArchiveItem> extraFiles(Path stage) {
    Path root = options.projectDir().resolve("src").resolve("charm");
    List<ArchiveItem> items = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return items;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
        String rel = root.relativize(file).toString().replace(File.separatorChar, '/');
        if (rel.isEmpty()) {
          continue;
        }
        if (rel.equals("dispatch")
            || rel.startsWith("hooks/")
            || rel.startsWith("lib/")
            || rel.endsWith(".yaml") && !rel.contains("/")) {
          throw new CharmPackException(
              file
                  + " would replace a generated file of the charm; "
                  + "move it elsewhere under src/charm/");
        }
        if (Files.isDirectory(file)) {
          items.add(ArchiveItem.directory(rel));
        } else {
          boolean exec =
              Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
          items.add(ArchiveItem.file(rel, exec ? 0755 : 0644, file));
          Path copy = stage.resolve(rel);
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new CharmPackException("cannot read " + root + ": " + e.getMessage(), e);
    }
    return items;
  }

  private static void writeStaged(Path stage, String name, byte[] bytes, boolean executable) {
    try {
      Path file = stage.resolve(name);
      Files.write(file, bytes);
      if (executable) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      throw new CharmPackException(
          "cannot write " + name + " into " + stage + ": " + e.getMessage(), e);
    }
  }

  private static byte[] yaml(Object data) {
    return YamlCodec.dump(data).getBytes(StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new CharmPackException("cannot clear " + dir + ": " + e.getMessage(), e);
    }
  }
}
