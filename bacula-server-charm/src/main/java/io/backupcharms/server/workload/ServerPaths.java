package io.backupcharms.server.workload;

import java.nio.file.Path;

/** Where bacula-server keeps things on its machine (Debian's layout). */
public final class ServerPaths {

  /** The Director's configuration, read by the {@code bacula-director} unit. */
  public static final Path DIRECTOR_CONFIG = Path.of("/etc/bacula/bacula-dir.conf");

  /** The Storage Daemon's configuration, read by the {@code bacula-sd} unit. */
  public static final Path STORAGE_CONFIG = Path.of("/etc/bacula/bacula-sd.conf");

  /** Working directory of both daemons; the SQLite catalog lives here. */
  public static final Path WORKING_DIRECTORY = Path.of("/var/lib/bacula");

  /** The File device's volumes. */
  public static final Path VOLUMES = Path.of("/var/lib/bacula/volumes");

  /** The Director's log (its Messages resource appends here). */
  public static final Path LOG_DIRECTORY = Path.of("/var/log/bacula");

  /** The user both daemons run as. */
  public static final String USER = "bacula";

  private ServerPaths() {}
}
