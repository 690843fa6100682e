package io.backupcharms.bacula.host;

import io.backupcharms.bacula.BaculaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Installs Debian packages the way the charms' {@code dispatch} installs the JRE: every apt call
 * waits for the locks another apt or dpkg holds (unattended-upgrades, the principal's charm) up to
 * a timeout, then fails naming the processes that hold them; a failed install refreshes the package
 * lists once and tries again. While it installs, {@code /usr/sbin/policy-rc.d} denies service
 * starts, so a packaged daemon (bacula-fd, bacula-director) does not start on the package's default
 * configuration before the charm writes its own.
 */
public final class AptInstaller {
  /** How long apt waits for another apt or dpkg by default, as in dispatch. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

  /** apt's and dpkg's lock files. */
  static final List<String> LOCKS =
      List.of(
          "/var/lib/dpkg/lock-frontend",
          "/var/lib/dpkg/lock",
          "/var/lib/apt/lists/lock",
          "/var/cache/apt/archives/lock");

  private static final Pattern LOCK_ERROR =
      Pattern.compile("Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock");
  private static final Duration WORK_TIMEOUT = Duration.ofMinutes(10);
  private static final Map<String, String> ENV =
      Map.of(
          "DEBIAN_FRONTEND",
          "noninteractive",
          "PATH",
          "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  private final Duration lockTimeout;
  private final String aptGet;
  private final Path policyRcD;

  /** The machine's apt, waiting up to {@link #DEFAULT_LOCK_TIMEOUT} for its locks. */
  public AptInstaller() {
    this(DEFAULT_LOCK_TIMEOUT, "apt-get", Path.of("/usr/sbin/policy-rc.d"));
  }

  /** Another apt-get program and policy-rc.d path (tests). */
  AptInstaller(Duration lockTimeout, String aptGet, Path policyRcD) {
    this.lockTimeout = lockTimeout;
    this.aptGet = aptGet;
    this.policyRcD = policyRcD;
  }

  /** The packages of the list that dpkg does not have installed, in the list's order. */
  public List<String> missing(List<String> packages) {
    List<String> out = new ArrayList<>();
    for (String p : packages) {
      CommandResult r =
          Command.of(List.of("dpkg-query", "-W", "-f=${Status}", p), Duration.ofSeconds(30))
              .withEnv(ENV)
              .run()
              .requireExited();
      if (r.exitCode() != 0 || !r.output().contains("install ok installed")) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Installs those of {@code packages} that are missing, keeping existing configuration files
   * ({@code --force-confold}); packaged services stay stopped until the caller starts them.
   *
   * @throws BaculaException with apt's last lines, or naming the lock holders when the lock wait
   *     ran out; either says what to do before {@code juju resolve}
   */
  public void install(List<String> packages) {
    List<String> missing = missing(packages);
    if (missing.isEmpty()) {
      return;
    }
    List<String> argv =
        new ArrayList<>(
            List.of(
                "install",
                "-y",
                "-q",
                "--no-install-recommends",
                "-o",
                "Dpkg::Options::=--force-confold"));
    argv.addAll(missing);
    boolean ownPolicy = denyServiceStarts();
    try {
      CommandResult r = aptGet(argv);
      if (r.exitCode() != 0) {
        // Stale or missing package lists (a fresh machine): refresh them once.
        CommandResult update = aptGet(List.of("update", "-q"));
        if (update.exitCode() == 0) {
          r = aptGet(argv);
        }
      }
      if (r.exitCode() != 0) {
        throw new BaculaException(
            "installing "
                + String.join(" ", missing)
                + " with apt failed: "
                + tail(r.output())
                + "; check the machine's apt sources, then run juju resolve");
      }
    } finally {
      if (ownPolicy) {
        try {
          Files.deleteIfExists(policyRcD);
        } catch (IOException e) {
          throw new BaculaException(
              "cannot remove "
                  + policyRcD
                  + ", which keeps every service "
                  + "on this machine from starting at package installs: "
                  + e.getMessage()
                  + "; remove it by hand",
              e);
        }
      }
    }
  }

  /**
   * Runs {@code apt-get args}, waiting for apt's locks until the lock timeout is used up.
   *
   * @throws BaculaException naming the lock holders when the timeout ran out
   */
  CommandResult aptGet(List<String> args) {
    Instant deadline = Instant.now().plus(lockTimeout);
    while (true) {
      long left = Math.max(1, Duration.between(Instant.now(), deadline).toSeconds());
      List<String> argv = new ArrayList<>(List.of(aptGet, "-o", "DPkg::Lock::Timeout=" + left));
      argv.addAll(args);
      CommandResult r =
          Command.of(argv, WORK_TIMEOUT.plusSeconds(left)).withEnv(ENV).run().requireExited();
      if (r.exitCode() == 0 || !LOCK_ERROR.matcher(r.output()).find()) {
        return r;
      }
      if (!Instant.now().isBefore(deadline)) {
        throw new BaculaException(
            "apt-get "
                + args.get(0)
                + " waited "
                + lockTimeout.toSeconds()
                + " s for apt's lock, held by "
                + describe(lockHolders())
                + " ("
                + tail(r.output())
                + "); let it finish (or stop it), then run juju resolve on this unit");
      }
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BaculaException("interrupted while waiting for apt's lock", e);
      }
    }
  }

  /** The processes that have one of apt's lock files open, e.g. {@code 1234 (unattended-upgr)}. */
  static List<String> lockHolders() {
    TreeSet<String> holders = new TreeSet<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : (Iterable<Path>) procs::iterator) {
        String pid = proc.getFileName().toString();
        if (!pid.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
          for (Path fd : (Iterable<Path>) fds::iterator) {
            if (LOCKS.contains(readLink(fd))) {
              holders.add(pid + " (" + comm(proc) + ")");
            }
          }
        } catch (IOException | SecurityException e) {
          // Gone, or not ours to read.
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return List.copyOf(holders);
  }

  private boolean denyServiceStarts() {
    if (Files.exists(policyRcD)) {
      return false;
    }
    try {
      // Exit 101: "action forbidden by policy", which invoke-rc.d and deb-systemd-invoke obey.
      Files.writeString(
          policyRcD, "#!/bin/sh\n# Written by a charm while it installs packages.\nexit 101\n");
      Files.setPosixFilePermissions(policyRcD, PosixFilePermissions.fromString("rwxr-xr-x"));
      return true;
    } catch (IOException e) {
      throw new BaculaException(
          "cannot write "
              + policyRcD
              + " to keep packaged daemons from "
              + "starting before they are configured: "
              + e.getMessage(),
          e);
    }
  }

  private static String readLink(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  private static String comm(Path proc) {
    try {
      return Files.readString(proc.resolve("comm")).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  private static String describe(List<String> holders) {
    return holders.isEmpty()
        ? "a process that has since let go"
        : "process " + String.join(", ", holders);
  }

  private static String tail(String output) {
    List<String> lines = output.strip().lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }
}
