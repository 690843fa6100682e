package io.backupcharms.bacula.config;

import java.time.Duration;

/**
 * A backup Pool. Volumes label themselves with {@code labelFormat} followed by a number.
 *
 * @param name the Pool name
 * @param labelFormat Label Format, the volume name prefix (Bacula name characters)
 * @param volumeRetention Volume Retention
 * @param recycle Recycle
 * @param autoPrune AutoPrune
 * @param maximumVolumeBytes Maximum Volume Bytes, or null for no limit
 * @param maximumVolumeJobs Maximum Volume Jobs, or null for no limit
 * @param maximumVolumes Maximum Volumes, or null for no limit
 */
public record Pool(
    String name,
    String labelFormat,
    Duration volumeRetention,
    boolean recycle,
    boolean autoPrune,
    Long maximumVolumeBytes,
    Integer maximumVolumeJobs,
    Integer maximumVolumes) {
  public Pool {
    String r = "Pool \"" + name + "\"";
    Check.name("Pool", "Name", name);
    Check.name(r, "Label Format", labelFormat);
    Check.duration(r, "Volume Retention", volumeRetention);
    if (maximumVolumeBytes != null && maximumVolumeBytes < 1) {
      throw new InvalidConfigException(
          r + ": Maximum Volume Bytes must be positive, got " + maximumVolumeBytes);
    }
    Check.optionalPositive(r, "Maximum Volume Jobs", maximumVolumeJobs);
    Check.optionalPositive(r, "Maximum Volumes", maximumVolumes);
  }

  /** A recycling, auto-pruning pool with no size limits. */
  public static Pool of(String name, String labelFormat, Duration volumeRetention) {
    return new Pool(name, labelFormat, volumeRetention, true, true, null, null, null);
  }

  /** A copy with Maximum Volume Bytes set, so old volumes can be recycled. */
  public Pool withMaximumVolumeBytes(long bytes) {
    return new Pool(
        name,
        labelFormat,
        volumeRetention,
        recycle,
        autoPrune,
        bytes,
        maximumVolumeJobs,
        maximumVolumes);
  }

  /** A copy with Maximum Volume Jobs set. */
  public Pool withMaximumVolumeJobs(int jobs) {
    return new Pool(
        name,
        labelFormat,
        volumeRetention,
        recycle,
        autoPrune,
        maximumVolumeBytes,
        jobs,
        maximumVolumes);
  }

  /** A copy with Maximum Volumes set. */
  public Pool withMaximumVolumes(int volumes) {
    return new Pool(
        name,
        labelFormat,
        volumeRetention,
        recycle,
        autoPrune,
        maximumVolumeBytes,
        maximumVolumeJobs,
        volumes);
  }
}
