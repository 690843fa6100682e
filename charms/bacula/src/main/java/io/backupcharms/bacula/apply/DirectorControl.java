package io.backupcharms.bacula.apply;

import java.util.List;

/**
 * What applying a Director configuration needs from the running Director. The console client
 * provides it ({@code io.backupcharms.bacula.console.DirectorConsole} implements it).
 */
public interface DirectorControl {
  /** Sends {@code reload}. */
  void reload();

  /** The Job names the Director currently knows ({@code .jobs}). */
  List<String> jobNames();

  /** The Client names the Director currently knows ({@code .clients}). */
  List<String> clientNames();

  /**
   * The Messages names the Director currently knows ({@code .msgs}), where the {@link Generation}
   * mark shows which file it runs.
   */
  List<String> messagesNames();

  /** How many jobs run or wait now: a restart would kill them. */
  default int activeJobs() {
    return 0;
  }
}
