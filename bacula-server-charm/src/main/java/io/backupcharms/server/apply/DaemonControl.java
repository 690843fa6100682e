package io.backupcharms.server.apply;

import io.backupcharms.bacula.apply.Daemon;

/** Starts and restarts the daemons: systemd on a machine, something else in tests. */
public interface DaemonControl {

  /** True when the daemon runs. */
  boolean isActive(Daemon daemon);

  /** Starts (and enables) the daemon. */
  void start(Daemon daemon);

  /** Restarts the daemon so it reads its new file. */
  void restart(Daemon daemon);
}
