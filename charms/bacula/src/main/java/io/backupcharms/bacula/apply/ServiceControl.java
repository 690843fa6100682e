package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.host.Systemctl;

/**
 * Starts and restarts the Bacula daemons. Production uses {@link #systemctl()}; tests plug in one
 * that runs daemons they started themselves.
 */
public interface ServiceControl {
  /** True when the daemon runs. */
  boolean isActive(Daemon daemon);

  /**
   * Starts (and enables) the daemon.
   *
   * @throws io.backupcharms.bacula.BaculaException when the start fails, with the tool's output
   */
  void start(Daemon daemon);

  /**
   * Restarts the daemon so it reads its new file.
   *
   * @throws io.backupcharms.bacula.BaculaException when the restart fails, with the tool's output
   */
  void restart(Daemon daemon);

  /**
   * The daemons' Debian systemd units ({@code bacula-director}, {@code bacula-sd}, {@code
   * bacula-fd}).
   */
  static ServiceControl systemctl() {
    return new SystemctlServiceControl(new Systemctl());
  }
}
