package io.backupcharms.bacula.config;

/**
 * A File Device in the Storage Daemon's file: volumes are files in {@code archiveDevice}, labelled
 * automatically (LabelMedia = yes, with the Pool's Label Format).
 *
 * @param name the Device name the Director's Storage entry refers to
 * @param mediaType Media Type, matching the Director's Storage entry
 * @param archiveDevice the directory holding the volume files
 * @param maximumConcurrentJobs concurrent jobs writing to this device
 */
public record Device(
    String name, String mediaType, String archiveDevice, int maximumConcurrentJobs) {
  public Device {
    String r = "Device \"" + name + "\"";
    Check.name("Device", "Name", name);
    Check.name(r, "Media Type", mediaType);
    Check.absolutePath(r, "Archive Device", archiveDevice);
    Check.positive(r, "Maximum Concurrent Jobs", maximumConcurrentJobs);
  }

  /** A File device allowing 10 concurrent jobs. */
  public static Device file(String name, String mediaType, String archiveDevice) {
    return new Device(name, mediaType, archiveDevice, 10);
  }
}
