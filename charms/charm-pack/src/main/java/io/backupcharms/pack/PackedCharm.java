package io.backupcharms.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A built {@code .charm}, read into memory: its entries with unix modes and symlink targets, the
 * checks {@code juju deploy} relies on, and unpacking that keeps modes and links (for tests that
 * run {@code dispatch}).
 */
public final class PackedCharm {
  /** Files every charm built by charm-pack has. */
  public static final List<String> REQUIRED_FILES =
      List.of("dispatch", "metadata.yaml", "config.yaml", "actions.yaml", "manifest.yaml");

  private final Path file;
  private final Map<String, Entry> entries;

  /**
   * One archive entry.
   *
   * @param path the path inside the archive (directories without the trailing '/')
   * @param mode the permission bits, e.g. 0755
   * @param kind file, directory or symlink
   * @param content the bytes of a file, or the target of a symlink
   */
  public record Entry(String path, int mode, Kind kind, byte[] content) {
    /** What an entry is. */
    public enum Kind {
      FILE,
      DIRECTORY,
      SYMLINK
    }

    /** Copies the content. */
    public Entry {
      Objects.requireNonNull(path, "path");
      content = content.clone();
    }

    /** The content (a file's bytes, a symlink's target). */
    @Override
    public byte[] content() {
      return content.clone();
    }

    /** The content as UTF-8 text. */
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private PackedCharm(Path file, Map<String, Entry> entries) {
    this.file = file;
    this.entries = Collections.unmodifiableMap(entries);
  }

  /**
   * Reads a .charm.
   *
   * @throws CharmPackException when it is not a readable zip
   */
  public static PackedCharm open(Path file) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        String name = e.getName();
        int unix = e.getUnixMode();
        Entry.Kind kind =
            e.isUnixSymlink()
                ? Entry.Kind.SYMLINK
                : e.isDirectory() ? Entry.Kind.DIRECTORY : Entry.Kind.FILE;
        byte[] content;
        try (InputStream in = zip.getInputStream(e)) {
          content = in.readAllBytes();
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        // No unix mode at all (a zip from a non-unix tool): Juju would unpack dispatch without
        // its executable bit; -1 makes problems() report it.
        int mode = unix == 0 ? -1 : unix & 07777;
        entries.put(path, new Entry(path, mode, kind, content));
      }
    } catch (IOException e) {
      throw new CharmPackException("cannot read " + file + " as a zip: " + e.getMessage(), e);
    }
    return new PackedCharm(file, entries);
  }

  /**
   * The archives a charm module's build wrote: {@code target/<name>_<base>-<arch>.charm} for each
   * platform of its charmcraft.yaml, in its order.
   *
   * @param projectDir the charm module's directory (the {@code charm.project.dir} system property
   *     in tests run by charm-parent)
   * @throws CharmPackException when one is missing (run {@code mvn package} first)
   */
  public static List<Path> builtArchives(Path projectDir) {
    Charmcraft charmcraft = Charmcraft.load(projectDir.resolve("charmcraft.yaml"));
    List<Path> archives = new ArrayList<>();
    for (Platform platform : charmcraft.platforms()) {
      Path archive = projectDir.resolve("target").resolve(charmcraft.fileName(platform));
      if (!Files.isRegularFile(archive)) {
        throw new CharmPackException(archive + " does not exist; build it with mvn package");
      }
      archives.add(archive);
    }
    return archives;
  }

  /** The archive's path. */
  public Path file() {
    return file;
  }

  /** Every entry, in archive order. */
  public Map<String, Entry> entries() {
    return entries;
  }

  /** One entry. */
  public Optional<Entry> entry(String path) {
    return Optional.ofNullable(entries.get(path));
  }

  /** A YAML file of the archive, parsed. @throws CharmPackException if missing or invalid */
  public Map<String, Object> yaml(String path) {
    Entry entry = entries.get(path);
    if (entry == null) {
      throw new CharmPackException(file + " has no " + path);
    }
    return YamlCodec.parseMap(entry.text(), file.getFileName() + "!" + path);
  }

  /** The class path dispatch starts the JVM with, e.g. {@code [lib/charm.jar, lib/ops.jar]}. */
  public List<String> classpath() {
    return List.of(dispatchValue("CHARM_CLASSPATH").split(":"));
  }

  /**
   * The jar files the charm ships, by file name: those merged into {@code lib/charm.jar} (as its
   * {@code META-INF/charm-pack/jars.txt} lists them), or the class path jars as they are.
   */
  public List<String> bundledJars() {
    List<String> names = new ArrayList<>();
    for (String jar : classpath()) {
      Optional<byte[]> list = jarEntry(jar, FatJar.JARS_LIST);
      if (list.isPresent()) {
        new String(list.get(), StandardCharsets.UTF_8)
            .lines()
            .filter(l -> !l.isBlank())
            .forEach(names::add);
      } else {
        names.add(jar.substring(jar.lastIndexOf('/') + 1));
      }
    }
    return names;
  }

  /**
   * One entry of a jar inside the charm, e.g. {@code jarEntry("lib/charm.jar",
   * "META-INF/services/org.slf4j.spi.SLF4JServiceProvider")}; empty when either is missing.
   */
  public Optional<byte[]> jarEntry(String jar, String name) {
    Entry entry = entries.get(jar);
    if (entry == null || entry.kind() != Entry.Kind.FILE) {
      return Optional.empty();
    }
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(entry.content))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return Optional.of(in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new CharmPackException(
          file + ": " + jar + " is not a readable jar: " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  /**
   * The bases the manifest says the charm runs on, as Juju shows them, e.g. {@code [ubuntu@22.04]}:
   * what {@code juju deploy --base} may choose from.
   */
  public List<String> bases() {
    List<String> bases = new ArrayList<>();
    Object listed = yaml("manifest.yaml").get("bases");
    if (listed instanceof List) {
      for (Object base : (List<?>) listed) {
        Map<String, Object> b = Charmcraft.map(base);
        bases.add(b.get("name") + "@" + b.get("channel"));
      }
    }
    return bases;
  }

  /** The main class dispatch starts. */
  public String mainClass() {
    return dispatchValue("MAIN_CLASS");
  }

  /**
   * Everything {@code juju deploy} and {@code dispatch} rely on: the required files and links,
   * modes, valid YAML, the class path and the main class present. Empty when all is well.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    String at = file.getFileName() + ": ";
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      String path = e.getKey();
      if (path.startsWith("/") || path.contains("\\") || ("/" + path + "/").contains("/../")) {
        problems.add(at + "entry \"" + path + "\" escapes the charm directory");
      }
      if (e.getValue().mode() < 0) {
        problems.add(at + path + " has no unix file mode; pack with charm-pack, which keeps them");
      }
    }
    for (String name : REQUIRED_FILES) {
      Entry entry = entries.get(name);
      if (entry == null || entry.kind() != Entry.Kind.FILE) {
        problems.add(at + name + " is missing or not a regular file");
      }
    }
    Entry dispatch = entries.get("dispatch");
    if (dispatch != null) {
      if ((dispatch.mode() & 0111) != 0111 || (dispatch.mode() & 0444) != 0444) {
        problems.add(
            at
                + "dispatch has mode "
                + Integer.toOctalString(dispatch.mode())
                + "; Juju needs it executable (0755)");
      }
      if (!dispatch.text().startsWith("#!/bin/sh\n")) {
        problems.add(at + "dispatch does not start with #!/bin/sh");
      }
    }
    for (String hook : CharmPack.HOOK_LINKS) {
      Entry link = entries.get("hooks/" + hook);
      if (link == null || link.kind() != Entry.Kind.SYMLINK || !link.text().equals("../dispatch")) {
        problems.add(at + "hooks/" + hook + " is not a symlink to ../dispatch");
      }
    }
    for (String name : List.of("metadata.yaml", "config.yaml", "actions.yaml", "manifest.yaml")) {
      if (entries.containsKey(name)) {
        try {
          yaml(name);
        } catch (CharmPackException e) {
          problems.add(at + e.getMessage());
        }
      }
    }
    if (entries.containsKey("manifest.yaml")) {
      checkManifest(at, problems);
    }
    if (dispatch != null) {
      checkClasspath(at, problems);
    }
    return problems;
  }

  /**
   * {@link #problems()}, plus: every relation, config option and action of the charmcraft.yaml
   * appears unchanged in the generated files, and the file name matches name, base and
   * architecture.
   */
  public List<String> problemsAgainst(Path charmcraftYaml) {
    List<String> problems = problems();
    Charmcraft charmcraft = Charmcraft.load(charmcraftYaml);
    String at = file.getFileName() + ": ";
    Optional<Platform> platform =
        charmcraft.platforms().stream()
            .filter(p -> charmcraft.fileName(p).equals(file.getFileName().toString()))
            .findFirst();
    if (platform.isEmpty()) {
      problems.add(
          at
              + "file name is none of charmcraft.yaml's platforms' "
              + charmcraft.platforms().stream().map(charmcraft::fileName).toList());
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    Map<String, Object> metadata = yaml("metadata.yaml");
    Map<String, Object> expected = charmcraft.metadata();
    for (String key : List.of("name", "subordinate")) {
      if (!Objects.equals(expected.get(key), metadata.get(key))) {
        problems.add(
            at
                + "metadata.yaml "
                + key
                + " is "
                + metadata.get(key)
                + ", charmcraft.yaml "
                + "says "
                + expected.get(key));
      }
    }
    for (String kind : Charmcraft.RELATION_KINDS) {
      compare(
          at + "metadata.yaml " + kind,
          Charmcraft.map(expected.get(kind)),
          Charmcraft.map(metadata.get(kind)),
          problems);
    }
    compare(
        at + "config.yaml options",
        Charmcraft.map(charmcraft.config().get("options")),
        Charmcraft.map(yaml("config.yaml").get("options")),
        problems);
    compare(at + "actions.yaml", charmcraft.actions(), yaml("actions.yaml"), problems);
    Object bases = yaml("manifest.yaml").get("bases");
    if (!List.of(platform.get().manifestBase()).equals(bases)) {
      problems.add(
          at
              + "manifest.yaml bases are "
              + bases
              + "; the file name says "
              + List.of(platform.get().manifestBase()));
    }
    return problems;
  }

  /**
   * Unpacks into a directory, keeping modes and symlinks, as Juju does (file times are not kept,
   * like Juju's unpacker; dispatch puts back the jar times CDS needs).
   */
  public void extractTo(Path dir) {
    try {
      for (Entry e : entries.values()) {
        Path target = dir.resolve(e.path()).normalize();
        if (!target.startsWith(dir.normalize())) {
          throw new CharmPackException(file + ": entry " + e.path() + " escapes " + dir);
        }
        switch (e.kind()) {
          case DIRECTORY:
            Files.createDirectories(target);
            break;
          case SYMLINK:
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, Path.of(e.text()));
            break;
          default:
            Files.createDirectories(target.getParent());
            Files.write(target, e.content);
            Files.setPosixFilePermissions(target, permissions(e.mode()));
            break;
        }
      }
    } catch (IOException e) {
      throw new CharmPackException(
          "cannot unpack " + file + " into " + dir + ": " + e.getMessage(), e);
    }
  }

  private void checkManifest(String at, List<String> problems) {
    Object bases = yaml("manifest.yaml").get("bases");
    if (!(bases instanceof List) || ((List<?>) bases).isEmpty()) {
      problems.add(at + "manifest.yaml has no bases; Juju needs them to pick a machine base");
      return;
    }
    for (Object base : (List<?>) bases) {
      Map<String, Object> b = Charmcraft.map(base);
      if (!(b.get("name") instanceof String)
          || !(b.get("channel") instanceof String)
          || !(b.get("architectures") instanceof List)) {
        problems.add(
            at
                + "manifest.yaml base "
                + base
                + " needs name, channel (a string) and "
                + "architectures");
      }
    }
  }

  private void checkClasspath(String at, List<String> problems) {
    List<String> classpath;
    String mainClass;
    try {
      classpath = classpath();
      mainClass = mainClass();
    } catch (CharmPackException e) {
      problems.add(at + e.getMessage());
      return;
    }
    String classFile = mainClass.replace('.', '/') + ".class";
    boolean found = false;
    for (String jar : classpath) {
      Entry entry = entries.get(jar);
      if (entry == null || entry.kind() != Entry.Kind.FILE) {
        problems.add(at + "dispatch's class path names " + jar + ", which is not in the archive");
        continue;
      }
      found |= jarContains(entry, classFile);
    }
    if (!found) {
      problems.add(
          at
              + "main class "
              + mainClass
              + " is in none of the class path jars "
              + classpath
              + "; check the charm module's charm.main property");
    }
    try {
      if (!dispatchValue("PACKED_JAVA_RUNTIME").isEmpty()
          && !entries.containsKey(CdsTraining.ARCHIVE)) {
        problems.add(
            at + "dispatch expects " + CdsTraining.ARCHIVE + ", which is not in the archive");
      }
    } catch (CharmPackException e) {
      problems.add(at + e.getMessage());
    }
  }

  private static boolean jarContains(Entry jar, String classFile) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar.content))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(classFile)) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private String dispatchValue(String variable) {
    Entry dispatch = entries.get("dispatch");
    if (dispatch == null) {
      throw new CharmPackException(file + " has no dispatch");
    }
    Matcher m = Pattern.compile("(?m)^" + variable + "='([^']*)'$").matcher(dispatch.text());
    if (!m.find()) {
      throw new CharmPackException(
          file + ": dispatch sets no " + variable + "; it was not " + "generated by charm-pack");
    }
    return m.group(1);
  }

  private static void compare(
      String where,
      Map<String, Object> expected,
      Map<String, Object> actual,
      List<String> problems) {
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      if (!actual.containsKey(e.getKey())) {
        problems.add(where + " lacks " + e.getKey() + ", which charmcraft.yaml declares");
      } else if (!Objects.equals(e.getValue(), actual.get(e.getKey()))) {
        problems.add(
            where
                + " "
                + e.getKey()
                + " is "
                + actual.get(e.getKey())
                + " but charmcraft.yaml says "
                + e.getValue());
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }
}
