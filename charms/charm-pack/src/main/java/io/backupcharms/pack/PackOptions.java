package io.backupcharms.pack;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to pack.
 *
 * @param projectDir the charm module's directory, holding charmcraft.yaml (and optionally
 *     src/charm/ with extra files to ship as they are)
 * @param charmJar the charm module's jar
 * @param classpathFile the runtime class path, one path-separator-joined line (as written by
 *     maven-dependency-plugin's build-classpath goal)
 * @param mainClass the charm's main class
 * @param outputDir where the .charm files go
 * @param timestamp the file time of every entry and of the jars (reproducible builds)
 * @param cds whether to build the AppCDS archive
 * @param jvmFlags the JVM options dispatch and the training run use
 * @param fatJar whether to merge the class path into one jar, {@code lib/charm.jar} (faster
 *     start-up), rather than ship the jars as they are under {@code lib/}
 */
record PackOptions(
    Path projectDir,
    Path charmJar,
    Path classpathFile,
    String mainClass,
    Path outputDir,
    Instant timestamp,
    boolean cds,
    List<String> jvmFlags,
    boolean fatJar) {

  static final String USAGE =
      "usage: CharmPack --project-dir=DIR --jar=FILE --classpath-file=FILE --main-class=CLASS"
          + " --output-dir=DIR [--timestamp=ISO-8601|EPOCH] [--cds=true|false]"
          + " [--fat-jar=true|false] [--jvm-flags=\"-XX:... -XX:...\"]";

  PackOptions {
    jvmFlags = List.copyOf(jvmFlags);
  }

  static PackOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new CharmPackException("unexpected argument \"" + arg + "\"; " + USAGE);
      }
      values.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    List<String> missing = new ArrayList<>();
    for (String key : List.of("project-dir", "jar", "classpath-file", "main-class", "output-dir")) {
      // An unset Maven property arrives as its literal ${...} expression.
      if (values.getOrDefault(key, "").isBlank() || values.get(key).startsWith("${")) {
        missing.add("--" + key);
      }
    }
    if (!missing.isEmpty()) {
      throw new CharmPackException(
          "missing "
              + String.join(", ", missing)
              + " (in a charm "
              + "module, set the charm.main property to the charm's main class); "
              + USAGE);
    }
    String flags = values.get("jvm-flags");
    return new PackOptions(
        Path.of(values.get("project-dir")),
        Path.of(values.get("jar")),
        Path.of(values.get("classpath-file")),
        values.get("main-class"),
        Path.of(values.get("output-dir")),
        timestamp(values.getOrDefault("timestamp", "")),
        !"false".equals(values.get("cds")),
        flags == null || flags.isBlank()
            ? DispatchScript.DEFAULT_JVM_FLAGS
            : Arrays.asList(flags.trim().split("\\s+")),
        !"false".equals(values.get("fat-jar")));
  }

  /** Maven's project.build.outputTimestamp: ISO-8601 or epoch seconds; absent means 1980. */
  static Instant timestamp(String value) {
    if (value.isBlank() || value.startsWith("${")) {
      return Instant.parse("1980-01-01T00:00:00Z");
    }
    if (value.matches("[0-9]+")) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new CharmPackException(
          "--timestamp \""
              + value
              + "\" is neither ISO-8601 (such as "
              + "2026-01-01T00:00:00Z) nor epoch seconds",
          e);
    }
  }
}
