package io.backupcharms.server.workload;

import java.nio.file.Path;

/**
 * Where bacula-server keeps things on its machine.
 *
 * @param directorConfig the Director's configuration file
 * @param storageConfig the Storage Daemon's configuration file
 * @param workingDirectory both daemons' working directory; the SQLite catalog lives here
 * @param pidDirectory where the daemons write their PID files
 * @param volumes the File device's volume directory
 * @param logFile the Director's log
 * @param freeSpaceCheck the script backup jobs run first ({@link FreeSpaceCheck})
 */
public record ServerLayout(
    Path directorConfig,
    Path storageConfig,
    Path workingDirectory,
    Path pidDirectory,
    Path volumes,
    Path logFile,
    Path freeSpaceCheck) {

  /** Debian's layout, which the packaged systemd units expect. */
  public static final ServerLayout DEBIAN =
      new ServerLayout(
          Path.of("/etc/bacula/bacula-dir.conf"),
          Path.of("/etc/bacula/bacula-sd.conf"),
          Path.of("/var/lib/bacula"),
          Path.of("/run/bacula"),
          Path.of("/var/lib/bacula/volumes"),
          Path.of("/var/log/bacula/bacula.log"),
          Path.of("/var/lib/bacula-server-charm/check-free-space"));

  /** Everything under {@code root} (tests). */
  public static ServerLayout under(Path root) {
    return new ServerLayout(
        root.resolve("etc/bacula-dir.conf"),
        root.resolve("etc/bacula-sd.conf"),
        root.resolve("lib"),
        root.resolve("run"),
        root.resolve("lib/volumes"),
        root.resolve("log/bacula.log"),
        root.resolve("charm/check-free-space"));
  }

  /** The off-machine copy's state, as each hook leaves it for the metrics exporter. */
  public Path offsiteState() {
    return workingDirectory.resolve("exporter-offsite.json");
  }

  /** The user both daemons run as. */
  public static final String USER = "bacula";
}
