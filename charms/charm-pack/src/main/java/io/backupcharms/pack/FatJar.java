package io.backupcharms.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Merges the charm jar and its runtime dependencies into one jar, {@code lib/charm.jar}. The hook
 * benchmark in docs/reference/performance.md measured this faster than a class path of separate
 * jars: each jar on the class path costs an open, a central-directory read and a manifest parse
 * when its first class is used, even when the class itself comes from the AppCDS archive.
 *
 * <p>Merging follows class path semantics: the first jar that has an entry wins, as it would on the
 * class path; {@code META-INF/services} files are concatenated so that every provider stays visible
 * to {@link java.util.ServiceLoader}; signatures, module descriptors and the jars' own manifests
 * are dropped (the class path ignores the module descriptors anyway). The list of merged jars is
 * kept in {@value #JARS_LIST}, so that an operator can still see what the charm ships.
 */
final class FatJar {
  /** Path of the fat jar inside the charm. */
  static final String PATH = "lib/charm.jar";

  /** Inside the fat jar: the merged jars' file names, one per line, in class path order. */
  static final String JARS_LIST = "META-INF/charm-pack/jars.txt";

  private static final String SERVICES = "META-INF/services/";
  private static final Pattern DROPPED =
      Pattern.compile(
          "META-INF/MANIFEST\\.MF|META-INF/INDEX\\.LIST|META-INF/[^/]+\\.(SF|RSA|DSA|EC)"
              + "|(META-INF/versions/[0-9]+/)?module-info\\.class");

  private FatJar() {}

  /**
   * Writes the fat jar. Entries carry {@code time}, so the same jars give the same bytes.
   *
   * @param target the jar to write
   * @param jars the class path, charm jar first
   * @param time the modification time of every entry
   * @throws CharmPackException naming the jar that cannot be read or written
   */
  static void write(Path target, List<Path> jars, FileTime time) {
    Map<String, ByteArrayOutputStream> services = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    boolean multiRelease = false;
    StringBuilder list = new StringBuilder();
    for (Path jar : jars) {
      try (JarFile in = new JarFile(jar.toFile())) {
        Manifest manifest = in.getManifest();
        multiRelease |=
            manifest != null
                && "true".equalsIgnoreCase(manifest.getMainAttributes().getValue("Multi-Release"));
      } catch (IOException e) {
        throw new CharmPackException("cannot read " + jar + " as a jar: " + e.getMessage(), e);
      }
      list.append(jar.getFileName()).append('\n');
    }
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      try (OutputStream file = Files.newOutputStream(target);
          JarOutputStream out = new JarOutputStream(file)) {
        // Written as an entry (not by the JarOutputStream constructor) to carry the fixed time.
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        manifest(multiRelease).write(manifest);
        put(out, JarFile.MANIFEST_NAME, manifest.toByteArray(), time);
        seen.add(JarFile.MANIFEST_NAME);
        put(out, JARS_LIST, list.toString().getBytes(StandardCharsets.UTF_8), time);
        seen.add(JARS_LIST);
        for (Path jar : jars) {
          copy(jar, out, seen, services, time);
        }
        for (Map.Entry<String, ByteArrayOutputStream> s : services.entrySet()) {
          put(out, s.getKey(), s.getValue().toByteArray(), time);
        }
      }
    } catch (IOException e) {
      throw new CharmPackException(
          "cannot write "
              + target
              + ": "
              + e.getMessage()
              + "; check the disk space and permissions of the module's target directory",
          e);
    }
  }

  private static void copy(
      Path jar,
      JarOutputStream out,
      Set<String> seen,
      Map<String, ByteArrayOutputStream> services,
      FileTime time)
      throws IOException {
    try (JarFile in = new JarFile(jar.toFile(), false)) {
      for (JarEntry entry : Collections.list(in.entries())) {
        String name = entry.getName();
        if (DROPPED.matcher(name).matches()) {
          continue;
        }
        if (name.startsWith(SERVICES)
            && !entry.isDirectory()
            && name.indexOf('/', SERVICES.length()) < 0) {
          ByteArrayOutputStream merged =
              services.computeIfAbsent(name, n -> new ByteArrayOutputStream());
          try (InputStream data = in.getInputStream(entry)) {
            data.transferTo(merged);
          }
          // A provider file need not end with a newline; the next one must start on a new line.
          merged.write('\n');
          continue;
        }
        if (!seen.add(name)) {
          continue; // an earlier jar on the class path has it: that one is what the JVM loads
        }
        if (entry.isDirectory()) {
          put(out, name, new byte[0], time);
        } else {
          try (InputStream data = in.getInputStream(entry)) {
            put(out, name, data.readAllBytes(), time);
          }
        }
      }
    } catch (IOException e) {
      throw new IOException("merging " + jar + ": " + e.getMessage(), e);
    }
  }

  private static Manifest manifest(boolean multiRelease) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Created-By", "charm-pack");
    if (multiRelease) {
      // Keeps the JDK 9+ variants of classes that some dependencies ship under META-INF/versions.
      main.putValue("Multi-Release", "true");
    }
    return manifest;
  }

  private static void put(JarOutputStream out, String name, byte[] data, FileTime time)
      throws IOException {
    JarEntry entry = new JarEntry(name);
    entry.setLastModifiedTime(time);
    out.putNextEntry(entry);
    out.write(data);
    out.closeEntry();
  }
}
