package io.backupcharms.bacula.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's systemd, through {@code systemctl}: the one place the project starts, stops and
 * restarts services. A failure names the command, ends with its output and points at the unit's
 * journal.
 */
public final class Systemctl {
  /** Long enough for a Director that loads a large catalog before it answers systemd. */
  private static final Duration CHANGE = Duration.ofSeconds(90);

  private static final Duration QUERY = Duration.ofSeconds(30);
  private static final Duration SETUP = Duration.ofSeconds(60);

  /** systemctl's exit code for a unit systemd does not know (its package is not installed). */
  private static final int NOT_LOADED = 5;

  private final String program;

  /** The machine's {@code systemctl}. */
  public Systemctl() {
    this("systemctl");
  }

  /** Another systemctl program (tests put a recording one in its place). */
  Systemctl(String program) {
    this.program = program;
  }

  /** True when the unit runs ({@code systemctl is-active --quiet}). */
  public boolean isActive(String unit) {
    return run(QUERY, "is-active", "--quiet", unit).isSuccess();
  }

  /**
   * Enables the unit, so a reboot starts it too, and starts it.
   *
   * @throws HostException when the start fails
   */
  public void start(String unit) {
    enable(unit);
    require(run(CHANGE, "start", unit), "start", unit);
  }

  /**
   * Restarts the unit, starting it when it was stopped, so it reads its new configuration.
   *
   * @throws HostException when the restart fails
   */
  public void restart(String unit) {
    require(run(CHANGE, "restart", unit), "restart", unit);
  }

  /**
   * Stops the unit. A unit systemd does not know (its package is not installed yet) is stopped.
   *
   * @throws HostException when the stop fails
   */
  public void stop(String unit) {
    CommandResult r = run(CHANGE, "stop", unit);
    if (r.ending() != CommandResult.Ending.EXITED || r.exitCode() != NOT_LOADED) {
      require(r, "stop", unit);
    }
  }

  /**
   * Enables the unit. Best effort, as the start that follows reports what matters: a unit that
   * cannot be enabled (a transient or generated one) still runs.
   */
  public void enable(String unit) {
    run(SETUP, "enable", unit);
  }

  /** Keeps a reboot from starting the unit; best effort, like {@link #enable}. */
  public void disable(String unit) {
    run(SETUP, "disable", unit);
  }

  /** Disables and stops the unit; best effort, for a service the charm no longer runs. */
  public void disableNow(String unit) {
    run(SETUP, "disable", "--now", unit);
  }

  /** Makes systemd read changed unit files; best effort, as the restart that follows reports. */
  public void daemonReload() {
    run(SETUP, "daemon-reload");
  }

  private CommandResult run(Duration timeout, String... args) {
    List<String> argv = new ArrayList<>(List.of(program));
    argv.addAll(List.of(args));
    return Command.of(argv, timeout).run();
  }

  private static void require(CommandResult r, String verb, String unit) {
    if (!r.isSuccess()) {
      throw new HostException(
          "systemctl "
              + verb
              + " "
              + unit
              + " failed (exit code "
              + r.exitCode()
              + "): "
              + r.tail(3)
              + "; see journalctl -u "
              + unit,
          r);
    }
  }
}
