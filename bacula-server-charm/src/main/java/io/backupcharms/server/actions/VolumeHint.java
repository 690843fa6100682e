package io.backupcharms.server.actions;

import java.util.List;

/** What to do when a backup gave up waiting for a volume: the pool's volume limit is reached. */
final class VolumeHint {

  private VolumeHint() {}

  /**
   * A sentence to append to a failed backup's reason, or "" when it did not wait for a volume. The
   * Director cancels a job that waited longer than its Max Wait Time, which the charm sets only
   * with {@code max-volumes}; the Storage Daemon logs that it waited "for mount".
   */
  static String of(List<String> jobLog) {
    boolean waitedForVolume =
        jobLog.stream().anyMatch(l -> l.contains("waiting for mount"))
            && jobLog.stream().anyMatch(l -> l.contains("Max wait time exceeded"));
    if (!waitedForVolume) {
      return "";
    }
    return ". Every volume of the pool is full and none can be recycled yet, so the pool's"
        + " max-volumes limit is reached: nothing was overwritten and earlier backups are intact."
        + " Raise max-volumes or max-volume-bytes (within the disk), or shorten volume-retention"
        + " so old volumes are recycled sooner";
  }
}
