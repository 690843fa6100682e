package io.backupcharms.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the charm's AppCDS archive: runs its main class in the ops library's training mode ({@code
 * -Dops.training=true}: the charm runs against an in-memory backend and exits 0 without touching
 * the machine) with {@code -XX:ArchiveClassesAtExit}, from the staged charm directory and with the
 * same relative class path that {@code dispatch} uses, because CDS compares them.
 */
final class CdsTraining {
  static final String ARCHIVE = "lib/charm.jsa";
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private CdsTraining() {}

  /** The java launcher of the JDK running this build. */
  static Path javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * The JDK's JAVA_RUNTIME_VERSION as its release file states it, which is what dispatch reads on
   * the target machine to decide whether the packed archive fits.
   */
  static String runtimeVersion() {
    Path release = Path.of(System.getProperty("java.home"), "release");
    try {
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
          return line.substring("JAVA_RUNTIME_VERSION=".length()).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // Fall through: a JDK without a release file gets no packed archive match, only local ones.
    }
    return "";
  }

  /**
   * Runs the training and checks that the archive maps.
   *
   * @throws CharmPackException naming the exit code and the end of the output when it fails
   */
  static void run(Path stage, String classpath, String mainClass, List<String> jvmFlags, Path log) {
    List<String> command = new ArrayList<>();
    command.add(javaLauncher().toString());
    command.addAll(jvmFlags);
    // The dump lists every class it skips (JFR events, ...) as a warning: noise, not a problem.
    command.add("-Xlog:cds*=error:stderr");
    command.add("-XX:ArchiveClassesAtExit=" + ARCHIVE);
    command.add("-Dops.training=true");
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    execute(command, stage, log, "training run of " + mainClass + " (-Dops.training=true)");
    if (!Files.isRegularFile(stage.resolve(ARCHIVE))) {
      throw new CharmPackException(
          "the training run of "
              + mainClass
              + " exited 0 but wrote no "
              + ARCHIVE
              + "; see "
              + log);
    }
    // -Xshare:on fails instead of falling back, so this proves the archive matches the jars.
    List<String> check = new ArrayList<>();
    check.add(javaLauncher().toString());
    check.addAll(jvmFlags);
    check.add("-XX:SharedArchiveFile=" + ARCHIVE);
    check.add("-Xshare:on");
    check.add("-cp");
    check.add(classpath);
    check.add("-version");
    execute(check, stage, log, "check that " + ARCHIVE + " maps (-Xshare:on)");
  }

  private static void execute(List<String> command, Path dir, Path log, String what) {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = pb.environment();
    String path = env.getOrDefault("PATH", "/usr/bin:/bin");
    env.clear();
    // Like dispatch's local training: no Juju variables, so nothing can reach a controller.
    env.put("PATH", path);
    env.put("LANG", "C.UTF-8");
    env.put("JUJU_CHARM_DIR", dir.toAbsolutePath().toString());
    Process process;
    try {
      Files.writeString(
          log,
          "$ " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      process = pb.start();
    } catch (IOException e) {
      throw new CharmPackException("cannot start the " + what + ": " + e.getMessage(), e);
    }
    try {
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new CharmPackException(
            "the "
                + what
                + " did not finish within "
                + TIMEOUT.toSeconds()
                + " s and was killed; training mode must exit by itself; output: "
                + tail(log));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CharmPackException("interrupted during the " + what, e);
    }
    if (process.exitValue() != 0) {
      throw new CharmPackException(
          "the "
              + what
              + " exited with code "
              + process.exitValue()
              + "; fix the charm's training mode or pack with --cds=false; end of "
              + log
              + ":\n"
              + tail(log));
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
