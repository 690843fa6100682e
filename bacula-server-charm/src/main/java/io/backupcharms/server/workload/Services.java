package io.backupcharms.server.workload;

import java.time.Duration;
import java.util.List;

/** The Debian systemd units of the daemons, driven with {@code systemctl}. */
public final class Services {

  /** The Director's unit. */
  public static final String DIRECTOR = "bacula-director";

  /** The Storage Daemon's unit. */
  public static final String STORAGE = "bacula-sd";

  private Services() {}

  /** True when the unit is running. */
  public static boolean isActive(String unit) {
    return Commands.run(List.of("systemctl", "is-active", "--quiet", unit), Duration.ofSeconds(30))
        .isSuccess();
  }

  /** Enables and starts the unit (no-op when running). */
  public static void start(String unit) {
    Commands.run(List.of("systemctl", "enable", unit), Duration.ofSeconds(60));
    check(unit, "start", Commands.run(List.of("systemctl", "start", unit), Duration.ofSeconds(90)));
  }

  /** Restarts the unit. */
  public static void restart(String unit) {
    Commands.run(List.of("systemctl", "enable", unit), Duration.ofSeconds(60));
    check(unit, "restart", Commands.run(List.of("systemctl", "restart", unit), Duration.ofSeconds(90)));
  }

  /** Reloads the unit (the Director re-reads its file on SIGHUP). */
  public static void reload(String unit) {
    check(unit, "reload", Commands.run(List.of("systemctl", "reload", unit), Duration.ofSeconds(90)));
  }

  /** Stops the unit. */
  public static void stop(String unit) {
    Commands.run(List.of("systemctl", "stop", unit), Duration.ofSeconds(90));
  }

  private static void check(String unit, String verb, CommandResult r) {
    if (!r.isSuccess()) {
      throw new IllegalStateException(
          "systemctl " + verb + " " + unit + " failed: " + r.tail(3)
              + "; see journalctl -u " + unit + " and /var/log/bacula/bacula.log");
    }
  }
}
