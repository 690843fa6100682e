package io.backupcharms.bacula.config;

import java.util.List;

/**
 * Everything in {@code bacula-fd.conf}.
 *
 * @param fileDaemon the FileDaemon resource
 * @param directors the Directors allowed to connect (at least one)
 * @param messages where the File Daemon's messages go
 */
public record FileDaemonConfig(
    FileDaemon fileDaemon, List<DirectorAccess> directors, Messages messages) {
  public FileDaemonConfig {
    Check.present("File Daemon configuration", "FileDaemon", fileDaemon);
    directors = Check.uniqueNames("Director", directors, DirectorAccess::name);
    if (directors.isEmpty()) {
      throw new InvalidConfigException(
          "File Daemon configuration: no Director entry; the File Daemon would accept no one. Add"
              + " the Director's name and the Client password");
    }
    Check.present("File Daemon configuration", "Messages", messages);
  }
}
