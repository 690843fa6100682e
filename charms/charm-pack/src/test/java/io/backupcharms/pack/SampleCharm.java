package io.backupcharms.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A tiny charm module on disk: charmcraft.yaml, a charm jar and one dependency jar. */
final class SampleCharm {
  static final String CHARMCRAFT =
      String.join(
          "\n",
          "type: charm",
          "name: sample",
          "title: Sample",
          "summary: A sample charm.",
          "description: Used by charm-pack's tests.",
          "subordinate: true",
          "platforms:",
          "  ubuntu@22.04:amd64:",
          "  ubuntu@24.04:amd64:",
          "requires:",
          "  juju-info:",
          "    interface: juju-info",
          "    scope: container",
          "  backup:",
          "    interface: backup",
          "    limit: 1",
          "provides:",
          "  metrics:",
          "    interface: prometheus_scrape",
          "config:",
          "  options:",
          "    fileset:",
          "      type: string",
          "      description: Paths.",
          "    port:",
          "      type: int",
          "      default: 9102",
          "      description: Port.",
          "actions:",
          "  run-backup:",
          "    description: Back up now.",
          "    params:",
          "      level:",
          "        type: string",
          "        enum: [Full, Incremental]",
          "    required: [level]",
          "    additionalProperties: false",
          "");

  private static final String MAIN =
      String.join(
          "\n",
          "package sample;",
          "public class Main {",
          "  public static void main(String[] args) throws Exception {",
          "    if (Boolean.getBoolean(\"ops.training\")) {",
          "      System.out.println(sample.dep.Greeting.text());",
          "      return;",
          "    }",
          "    java.nio.file.Files.writeString(",
          "        java.nio.file.Path.of(System.getenv(\"SAMPLE_OUT\")),",
          "        System.getenv(\"JUJU_DISPATCH_PATH\") + \" \" + sample.dep.Greeting.text()",
          "            + \"\\n\");",
          "    String resources = System.getenv(\"SAMPLE_RESOURCES\");",
          "    if (resources != null) {",
          "      java.util.List<String> providers = new java.util.ArrayList<>();",
          "      ClassLoader loader = Main.class.getClassLoader();",
          "      for (java.net.URL url : java.util.Collections.list(",
          "          loader.getResources(\"META-INF/services/sample.Plugin\"))) {",
          "        try (java.io.InputStream in = url.openStream()) {",
          "          for (String line : new String(in.readAllBytes()).split(\"\\n\")) {",
          "            if (!line.isBlank()) providers.add(line.strip());",
          "          }",
          "        }",
          "      }",
          "      try (java.io.InputStream in = loader.getResourceAsStream(\"sample/version.txt\"))"
              + " {",
          "        java.nio.file.Files.writeString(java.nio.file.Path.of(resources),",
          "            \"providers \" + providers + \" version \" + new String(in.readAllBytes()) +"
              + " \"\\n"
              + "\");",
          "      }",
          "    }",
          "  }",
          "}",
          "");
  private static final String DEP =
      String.join(
          "\n",
          "package sample.dep;",
          "public class Greeting {",
          "  public static String text() { return \"hello from dep\"; }",
          "}",
          "");

  final Path projectDir;
  final Path charmJar;
  final Path classpathFile;
  final Path outputDir;

  SampleCharm(Path root) throws IOException {
    projectDir = Files.createDirectories(root.resolve("module"));
    Files.writeString(projectDir.resolve("charmcraft.yaml"), CHARMCRAFT);
    Path src = Files.createDirectories(root.resolve("src"));
    Files.createDirectories(src.resolve("sample/dep"));
    Files.writeString(src.resolve("sample/Main.java"), MAIN);
    Files.writeString(src.resolve("sample/dep/Greeting.java"), DEP);
    Path classes = Files.createDirectories(root.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            src.resolve("sample/Main.java").toString(),
            src.resolve("sample/dep/Greeting.java").toString());
    if (rc != 0) {
      throw new IllegalStateException("javac failed for the sample charm");
    }
    outputDir = Files.createDirectories(root.resolve("module/target"));
    // Both jars have a provider of the same service and a resource of the same name: the class
    // path sees both providers and the first jar's resource, and so must a fat jar.
    charmJar =
        jar(
            classes,
            "sample/Main.class",
            outputDir.resolve("sample-1.0.jar"),
            Map.of("META-INF/services/sample.Plugin", "sample.A", "sample/version.txt", "charm"));
    Path depJar =
        jar(
            classes,
            "sample/dep/Greeting.class",
            root.resolve("repo/dep-2.0.jar"),
            Map.of(
                "META-INF/services/sample.Plugin",
                "# comment\nsample.B\n",
                "sample/version.txt",
                "dep",
                "module-info.class",
                "not a class"));
    classpathFile = outputDir.resolve("charm-classpath.txt");
    Files.writeString(classpathFile, depJar.toString());
  }

  /** Packed with the defaults: one fat jar. */
  PackOptions options(boolean cds) {
    return options(cds, true);
  }

  PackOptions options(boolean cds, boolean fatJar) {
    return new PackOptions(
        projectDir,
        charmJar,
        classpathFile,
        "sample.Main",
        outputDir,
        PackOptions.timestamp("2026-01-01T00:00:00Z"),
        cds,
        DispatchScript.DEFAULT_JVM_FLAGS,
        fatJar);
  }

  private static Path jar(Path classes, String entry, Path target, Map<String, String> resources)
      throws IOException {
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(entry));
      jar.write(Files.readAllBytes(classes.resolve(entry)));
      jar.closeEntry();
      for (Map.Entry<String, String> r : new TreeMap<>(resources).entrySet()) {
        jar.putNextEntry(new JarEntry(r.getKey()));
        jar.write(r.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return target;
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
