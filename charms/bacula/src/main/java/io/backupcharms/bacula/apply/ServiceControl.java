package io.backupcharms.bacula.apply;

/**
 * Restarts a daemon after its file changed. Production uses {@link #systemctl()}; tests plug in one
 * that restarts daemons they started themselves.
 */
public interface ServiceControl {
  /**
   * Restarts the daemon so it reads its new file.
   *
   * @throws io.backupcharms.bacula.BaculaException when the restart fails, with the tool's output
   */
  void restart(Daemon daemon);

  /** Restarts through {@code systemctl restart <unit>}. */
  static ServiceControl systemctl() {
    return new SystemctlServiceControl();
  }
}
