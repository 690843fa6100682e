package io.backupcharms.bacula.config;

import java.util.List;

/**
 * Everything in {@code bacula-sd.conf}.
 *
 * @param storage the Storage Daemon's own resource
 * @param directors the Directors allowed to connect (at least one)
 * @param devices the devices (at least one)
 * @param messages where the Storage Daemon's messages go
 */
public record StorageDaemonConfig(
    StorageDaemon storage,
    List<DirectorAccess> directors,
    List<Device> devices,
    Messages messages) {
  public StorageDaemonConfig {
    Check.present("Storage Daemon configuration", "Storage", storage);
    directors = Check.uniqueNames("Director", directors, DirectorAccess::name);
    devices = Check.uniqueNames("Device", devices, Device::name);
    if (directors.isEmpty()) {
      throw new InvalidConfigException(
          "Storage Daemon configuration: no Director entry; add the"
              + " Director's name and the Storage password");
    }
    if (devices.isEmpty()) {
      throw new InvalidConfigException(
          "Storage Daemon configuration: no Device; add a File device");
    }
    Check.present("Storage Daemon configuration", "Messages", messages);
  }
}
