package io.backupcharms.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dispatch on a machine with no Java 17 but a Java 11 default, in a private mount namespace whose
 * /usr/lib/jvm, /etc/alternatives and update-alternatives' database are the test's own: the real
 * update-alternatives and a stand-in apt-get that "installs" openjdk-17-jre-headless as its package
 * does (the JDK directory, then update-alternatives --install at priority 1711).
 */
class DispatchJavaInstallTest {
  @TempDir static Path root;
  static Path charm;

  @BeforeAll
  static void pack() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/unshare"))
            && Files.isExecutable(Path.of("/usr/bin/update-alternatives")),
        "needs root, unshare and update-alternatives for a private mount namespace");
    SampleCharm sample = new SampleCharm(root.resolve("sample"));
    charm = new CharmPack(sample.options(true)).pack().get(0);
  }

  @Test
  void installingTheJreKeepsTheMachinesDefaultJava() throws Exception {
    Run run =
        dispatch(
            "unit-a",
            String.join(
                "\n",
                "mkdir -p /usr/lib/jvm/java-17-openjdk-amd64",
                "mount --bind \"$T/hostjvm/" + jdkName() + "\" /usr/lib/jvm/java-17-openjdk-amd64",
                "update-alternatives --install \"$T/bin/java\" java"
                    + " /usr/lib/jvm/java-17-openjdk-amd64/bin/java 1711",
                ""),
            "600");
    assertEquals(0, run.exitCode(), run.log());
    assertEquals("hooks/install hello from dep\n", run.out());
    assertFalse(
        Files.exists(run.dir().resolve("java-11-ran")), "dispatch ran the machine's Java 11");
    assertTrue(
        run.alternatives().contains("Value: /usr/lib/jvm/java-11-fake/bin/java"),
        run.alternatives());
    assertTrue(
        run.alternatives().contains("Alternative: /usr/lib/jvm/java-17-openjdk-amd64/bin/java"),
        run.alternatives());
    assertTrue(
        run.log()
            .contains(
                "kept the machine's java at /usr/lib/jvm/java-11-fake/bin/java "
                    + "(installing the charm's JRE would have switched it to "
                    + "/usr/lib/jvm/java-17-openjdk-amd64/bin/java)"),
        run.log());
  }

  @Test
  void aLockHeldPastTheTimeoutFailsTheHookNamingItsHolder() throws Exception {
    Run run =
        dispatch(
            "unit-b",
            String.join(
                "\n",
                "echo 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process"
                    + " 4242 (apt-get)'",
                "exit 100",
                ""),
            "3");
    assertNotEquals(0, run.exitCode(), run.log());
    assertTrue(
        run.log()
            .matches(
                "(?s).*apt-get install waited 3 s for apt's lock, held by process .*"
                    + "[0-9]+ \\(sleep\\).*"),
        run.log());
    assertTrue(
        run.log().contains("let it finish (or stop it), then retry the hook (juju resolve)"),
        run.log());
    assertTrue(
        run.alternatives().contains("Status: auto"), "the hold is released: " + run.alternatives());
    assertTrue(
        run.alternatives().contains("Value: /usr/lib/jvm/java-11-fake/bin/java"),
        run.alternatives());
  }

  /** What one dispatch run left: its exit code, stderr, the charm's output and the java group. */
  record Run(Path dir, int exitCode, String log, String out, String alternatives) {}

  private static String jdkName() {
    return Path.of(System.getProperty("java.home")).getFileName().toString();
  }

  /**
   * Runs the install hook in a namespace where /usr/lib/jvm holds only a Java 11 stand-in, the
   * machine's default in auto mode, and apt-get runs {@code aptInstall}.
   */
  private static Run dispatch(String unit, String aptInstall, String lockTimeout) throws Exception {
    Path t = Files.createDirectories(root.resolve(unit));
    Path dir = Files.createDirectories(t.resolve("charm"));
    PackedCharm.open(charm).extractTo(dir);
    for (String d : List.of("jvm", "hostjvm", "alternatives", "admindir", "bin", "fakebin")) {
      Files.createDirectories(t.resolve(d));
    }
    Path apt = t.resolve("fakebin/apt-get");
    // dispatch gives apt-get Juju's environment only: the stand-in knows its directory itself.
    Files.writeString(
        apt,
        "#!/bin/sh\nT=" + t + "\ncase \"$*\" in *install*) ;; *) exit 0 ;; esac\n" + aptInstall);
    apt.toFile().setExecutable(true);
    String script =
        String.join(
            "\n",
            "set -e",
            "T=" + t,
            "export T",
            "mount --bind /usr/lib/jvm \"$T/hostjvm\"",
            "mount --bind \"$T/jvm\" /usr/lib/jvm",
            // The machine's other alternatives (awk, ...) stay; the java group is the test's alone.
            "cp -a /etc/alternatives/. \"$T/alternatives\"",
            "rm -f \"$T\"/alternatives/java \"$T\"/alternatives/java.1.gz",
            "mount --bind \"$T/alternatives\" /etc/alternatives",
            "mount --bind \"$T/admindir\" /var/lib/dpkg/alternatives",
            "mkdir -p /usr/lib/jvm/java-11-fake/bin",
            "printf 'JAVA_VERSION=\"11.0.22\"\\n' > /usr/lib/jvm/java-11-fake/release",
            "printf '#!/bin/sh\\n"
                + "touch \"$T/java-11-ran\"\\n"
                + "exit 1\\n"
                + "' > /usr/lib/jvm/java-11-fake/bin/java",
            "chmod 755 /usr/lib/jvm/java-11-fake/bin/java",
            "update-alternatives --install \"$T/bin/java\" java /usr/lib/jvm/java-11-fake/bin/java"
                + " 1111 >/dev/null",
            // A process with apt's lock file open, as a holder has it (only opened: harmless).
            "sh -c 'exec 3</var/lib/dpkg/lock-frontend; exec sleep 60' & holder=$!",
            "rc=0",
            "env -i PATH=\"$T/fakebin:/usr/sbin:/usr/bin:/sbin:/bin\" JUJU_CHARM_DIR=\"$T/charm\""
                + " JUJU_DISPATCH_PATH=hooks/install JUJU_UNIT_NAME=sample/0"
                + " SAMPLE_OUT=\"$T/hook.out\" CHARM_APT_LOCK_TIMEOUT="
                + lockTimeout
                + " \"$T/charm/dispatch\" 2> \"$T/dispatch.log\" || rc=$?",
            "kill $holder",
            "update-alternatives --query java > \"$T/alternatives.txt\"",
            "exit $rc",
            "");
    Process p =
        new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c", script)
            .redirectErrorStream(true)
            .redirectOutput(t.resolve("namespace.log").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "dispatch did not finish in 120 s");
    String log = read(t.resolve("dispatch.log")) + read(t.resolve("namespace.log"));
    return new Run(
        t, p.exitValue(), log, read(t.resolve("hook.out")), read(t.resolve("alternatives.txt")));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
