package io.backupcharms.localjuju.machine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts, enters and stops machines. A machine is {@code unshare --mount --pid --fork} running
 * {@code machine-init.sh}, which overlays /etc, /usr, /var, /opt, /srv, /root and /home with the
 * machine's own upper layers, mounts a private /run and /tmp and then reaps orphans forever.
 * Killing its PID 1 kills every process of the machine and drops all its mounts at once, so nothing
 * can outlive it.
 */
public final class MachineHost {
  private static final long START_TIMEOUT_MS = 30_000;
  private final Path home;
  private final Path initScript;

  /** Uses {@code home} (kept visible inside machines) and extracts the init script into it. */
  public MachineHost(Path home) throws IOException {
    this.home = home;
    Path bin = home.resolve("bin");
    Files.createDirectories(bin);
    this.initScript = bin.resolve("machine-init.sh");
    // Write aside and rename: another controller's machine may be reading the script right now.
    Path tmp = bin.resolve("machine-init.sh.tmp" + ProcessHandle.current().pid());
    try (InputStream in = MachineHost.class.getResourceAsStream("machine-init.sh")) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(
        tmp, initScript, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A running machine: the unshare process and the namespace's PID 1 as host PIDs. */
  public record Running(long unsharePid, long holderPid) {}

  /**
   * Starts a machine whose layers live in {@code machineDir}.
   *
   * @throws IOException when the namespaces or overlays cannot be set up (the init log is quoted)
   */
  public Running start(Path machineDir) throws IOException {
    Files.createDirectories(machineDir);
    Path ready = machineDir.resolve("ready");
    Files.deleteIfExists(ready);
    Path log = machineDir.resolve("init.log");
    ProcessBuilder pb =
        new ProcessBuilder(
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "--pid",
            "--fork",
            "--mount-proc",
            "--kill-child",
            "--",
            "/bin/sh",
            initScript.toString(),
            machineDir.toString(),
            home.toString(),
            ready.toString());
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    long end = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (!Files.exists(ready)) {
      if (!p.isAlive() || System.currentTimeMillis() > end) {
        p.destroyForcibly();
        throw new IOException(
            "machine "
                + machineDir.getFileName()
                + " did not start (unshare exit "
                + (p.isAlive() ? "timeout" : String.valueOf(p.exitValue()))
                + "): "
                + tail(log)
                + "; localjuju needs root, util-linux unshare/nsenter and overlayfs");
      }
      sleep(20);
    }
    long holder = childOf(p.pid());
    if (holder <= 0) {
      throw new IOException(
          "machine " + machineDir.getFileName() + " started but its PID 1 was not found");
    }
    return new Running(p.pid(), holder);
  }

  /** True when {@code holderPid} is still a localjuju machine's PID 1. */
  public static boolean isAlive(long holderPid) {
    if (holderPid <= 0) {
      return false;
    }
    try {
      String cmd =
          Files.readString(Path.of("/proc/" + holderPid + "/cmdline"), StandardCharsets.ISO_8859_1);
      return cmd.startsWith("localjuju-machine");
    } catch (IOException e) {
      return false;
    }
  }

  /** Kills the machine: its PID 1 dies, and with it every process and mount of the machine. */
  public static void stop(long holderPid) {
    if (!isAlive(holderPid)) {
      return;
    }
    ProcessHandle.of(holderPid)
        .ifPresent(
            h -> {
              h.destroyForcibly();
              h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> h).join();
            });
  }

  /** The command prefix running something inside a machine, in directory {@code wd}. */
  public static List<String> enter(long holderPid, String wd) {
    List<String> cmd =
        new ArrayList<>(List.of("nsenter", "-t", Long.toString(holderPid), "-m", "-p"));
    if (wd != null) {
      cmd.add("--wd=" + wd);
    }
    cmd.add("--");
    return cmd;
  }

  private static long childOf(long pid) throws IOException {
    long end = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < end) {
      Path children = Path.of("/proc/" + pid + "/task/" + pid + "/children");
      if (Files.exists(children)) {
        String s = Files.readString(children).trim();
        if (!s.isEmpty()) {
          long child = Long.parseLong(s.split("\\s+")[0]);
          // The init script execs perl as the reaper; wait until it has.
          if (isAlive(child)) {
            return child;
          }
        }
      }
      sleep(10);
    }
    return -1;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
