package io.backupcharms.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Renders the {@code dispatch} script from its template ({@code dispatch.sh} in this package). */
final class DispatchScript {
  /**
   * The JVM options that make a short-lived charm process start fast (figures and reasons in the
   * "Charm start-up (dispatch)" section of docs/reference/performance.md):
   *
   * <ul>
   *   <li>G1, set explicitly: on JDK 17 only G1 maps the archived heap objects of the CDS archive,
   *       among them the archived module graph, which skips the module system's initialisation; a
   *       1-CPU machine would otherwise pick Serial.
   *   <li>C1 only, one compiler thread, compile thresholds raised about 25-fold: a hook is over
   *       before compiled code pays off, so it compiles (almost) nothing and leaves the CPU to
   *       itself and its hook tools, while a hook that computes long still gets compiled code.
   *   <li>No perf-data file; vfork to start each hook tool (the ops benchmark measured it faster
   *       than posix_spawn); JVM warnings to stderr, which Juju logs, instead of stdout.
   * </ul>
   */
  static final List<String> DEFAULT_JVM_FLAGS =
      List.of(
          "-XX:+UseG1GC",
          "-XX:TieredStopAtLevel=1",
          "-XX:CICompilerCount=1",
          "-XX:Tier3InvocationThreshold=5000",
          "-XX:Tier3MinInvocationThreshold=2000",
          "-XX:Tier3CompileThreshold=50000",
          "-XX:Tier3BackEdgeThreshold=500000",
          "-XX:-UsePerfData",
          "-Djdk.lang.Process.launchMechanism=VFORK",
          "-Xlog:all=off",
          "-Xlog:all=warning:stderr");

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:/@=+,-]*");

  private DispatchScript() {}

  /**
   * The dispatch script.
   *
   * @param charmBuild a digest of the class path jars, naming the AppCDS archives dispatch builds
   *     on the machine, so that those of another build are never mapped
   */
  static String render(
      String charmName,
      String mainClass,
      String classpath,
      long jarMtime,
      String packedJavaRuntime,
      List<String> jvmFlags,
      String charmBuild) {
    String jvm = String.join(" ", jvmFlags);
    Map<String, String> values =
        Map.of(
            "@NAME@",
            charmName,
            "@MAIN_CLASS@",
            mainClass,
            "@CLASSPATH@",
            classpath,
            "@JAR_MTIME@",
            Long.toString(jarMtime),
            "@PACKED_JAVA_RUNTIME@",
            packedJavaRuntime,
            "@JVM_FLAGS@",
            jvm,
            "@CHARM_BUILD@",
            charmBuild);
    String script = template();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String value = e.getValue();
      // Values land inside single quotes; refuse anything that could end the quoting.
      boolean safe =
          e.getKey().equals("@JVM_FLAGS@")
              ? SAFE.matcher(value.replace(" ", "")).matches()
              : SAFE.matcher(value).matches();
      if (!safe) {
        throw new CharmPackException(
            "cannot put "
                + e.getKey().replace("@", "").toLowerCase()
                + " \""
                + value
                + "\" into dispatch: use only letters, digits and _.:/@=+,- there");
      }
      script = script.replace(e.getKey(), value);
    }
    return script;
  }

  private static String template() {
    try (InputStream in = DispatchScript.class.getResourceAsStream("dispatch.sh")) {
      if (in == null) {
        throw new IllegalStateException(
            "dispatch.sh is missing from the charm-pack jar; rebuild it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dispatch template", e);
    }
  }
}
