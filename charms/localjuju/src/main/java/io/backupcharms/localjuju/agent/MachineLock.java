package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.hooks.Hook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Juju's machine lock: every unit on a machine, principal and subordinates alike, runs one hook or
 * action at a time, handed out in the order asked. Charms rely on it (two units' apt calls or
 * config writes never overlap), so localjuju must not be greener than Juju by running them at once.
 * Like Juju's {@code /var/log/juju/machine-lock.log}, each machine's {@code machine-lock.log}
 * records who held the lock, how long it waited and how long it held it.
 */
final class MachineLock {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final Path machinesDir;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  MachineLock(Path machinesDir) {
    this.machinesDir = machinesDir;
  }

  /** Runs {@code body} holding {@code machine}'s lock on behalf of {@code unit}, and logs it. */
  boolean holding(String machine, String unit, Hook hook, BooleanSupplier body) {
    ReentrantLock lock = locks.computeIfAbsent(machine, m -> new ReentrantLock(true));
    long asked = System.nanoTime();
    lock.lock();
    long got = System.nanoTime();
    try {
      return body.getAsBoolean();
    } finally {
      long released = System.nanoTime();
      lock.unlock();
      record(
          machine,
          LocalDateTime.now().format(TIME)
              + " unit-"
              + unit.replace('/', '-')
              + ": uniter ("
              + operation(hook)
              + "), waited "
              + goDuration(got - asked)
              + ", held "
              + goDuration(released - got)
              + "\n");
    }
  }

  /** What Juju's uniter calls the operation: {@code run install hook}, {@code run action 7}. */
  static String operation(Hook hook) {
    if (hook.isAction()) {
      return "run action " + hook.actionId();
    }
    if (hook.relationId() >= 0) {
      String kind = hook.name().substring(hook.endpoint().length() + 1);
      String remote = hook.remoteUnit().isEmpty() ? hook.remoteApp() : hook.remoteUnit();
      return "run " + kind + " (" + hook.relationId() + "; " + remote + ") hook";
    }
    return "run " + hook.name() + " hook";
  }

  /** Go's rendering of a duration rounded to the second, as the log shows it: 0s, 47s, 7m20s. */
  static String goDuration(long nanos) {
    long s = Duration.ofNanos(nanos).plusMillis(500).toSeconds();
    StringBuilder out = new StringBuilder();
    if (s >= 3600) {
      out.append(s / 3600).append('h');
    }
    if (s >= 60) {
      out.append(s / 60 % 60).append('m');
    }
    return out.append(s % 60).append('s').toString();
  }

  private void record(String machine, String line) {
    try {
      Path dir = machinesDir.resolve(machine);
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("machine-lock.log"),
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("cannot write machine-lock.log of machine " + machine + ": " + e);
    }
  }
}
