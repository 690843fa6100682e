package io.backupcharms.server.config;

import io.backupcharms.bacula.config.InvalidConfigException;
import io.backupcharms.bacula.config.RunSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The charm's config options, validated.
 *
 * @param fileRetention {@code file-retention}
 * @param jobRetention {@code job-retention}
 * @param volumeRetention {@code volume-retention}
 * @param maxVolumeBytes {@code max-volume-bytes}
 * @param maxConcurrentJobs {@code max-concurrent-jobs}
 * @param minFreeBytes {@code min-free-space}: a backup fails before it writes below this
 * @param maxRunsPerDay {@code max-runs-per-day}: the most scheduled backups one client may ask for
 *     in a day
 * @param maxVolumes {@code max-volumes}: the most volumes the pool may hold, 0 for no limit
 * @param volumeWait {@code volume-wait}: with a volume limit, how long a backup may wait before the
 *     Director cancels it
 * @param verifySchedule {@code verify-schedule}: when every client's newest good backup is read
 *     back and checked against the catalog; empty for verify on request only
 */
public record ServerSettings(
    Duration fileRetention,
    Duration jobRetention,
    Duration volumeRetention,
    long maxVolumeBytes,
    int maxConcurrentJobs,
    long minFreeBytes,
    int maxRunsPerDay,
    int maxVolumes,
    Duration volumeWait,
    List<RunSpec> verifySchedule) {

  /** Copies the schedule. */
  public ServerSettings {
    verifySchedule = List.copyOf(verifySchedule);
  }

  /** The defaults of charmcraft.yaml. */
  public static final ServerSettings DEFAULTS =
      new ServerSettings(
          Duration.ofDays(365),
          Duration.ofDays(365),
          Duration.ofDays(365),
          50L << 30,
          10,
          2L << 30,
          24,
          0,
          Duration.ofHours(1),
          List.of());

  /**
   * Reads the options as {@code config-get} returns them; absent options take their default.
   *
   * @throws InvalidSettingException listing every bad option, each with an example of a good value
   */
  public static ServerSettings fromConfig(Map<String, ?> config) {
    List<String> problems = new ArrayList<>();
    Duration file = duration(config, "file-retention", DEFAULTS.fileRetention, problems);
    Duration job = duration(config, "job-retention", DEFAULTS.jobRetention, problems);
    Duration volume = duration(config, "volume-retention", DEFAULTS.volumeRetention, problems);
    long bytes = bytes(config, "max-volume-bytes", DEFAULTS.maxVolumeBytes, problems);
    long minFree = bytes(config, "min-free-space", DEFAULTS.minFreeBytes, problems);
    int runs = wholeNumber(config, "max-runs-per-day", DEFAULTS.maxRunsPerDay, 1, 1440, problems);
    int jobs =
        wholeNumber(config, "max-concurrent-jobs", DEFAULTS.maxConcurrentJobs, 1, 100, problems);
    int volumes = wholeNumber(config, "max-volumes", DEFAULTS.maxVolumes, 0, 100_000, problems);
    Duration wait = duration(config, "volume-wait", DEFAULTS.volumeWait, problems);
    List<RunSpec> verify = verifySchedule(config, runs, problems);
    if (problems.isEmpty() && job.compareTo(file) < 0) {
      problems.add(
          "config job-retention must not be shorter than file-retention (Bacula prunes files with"
              + " their jobs); raise job-retention or lower file-retention");
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettingException(String.join("; ", problems));
    }
    return new ServerSettings(file, job, volume, bytes, jobs, minFree, runs, volumes, wait, verify);
  }

  /**
   * {@code verify-schedule}: Run times separated by commas, as a File Daemon's schedule, but
   * without a level, since a verify job's level is always VolumeToCatalog.
   */
  private static List<RunSpec> verifySchedule(
      Map<String, ?> config, int maxRuns, List<String> problems) {
    Object value = config.get("verify-schedule");
    if (value == null || String.valueOf(value).isBlank()) {
      return List.of();
    }
    List<RunSpec> runs = new ArrayList<>();
    for (String part : String.valueOf(value).split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        RunSpec run = RunSpec.parse(part.strip());
        if (run.level() != null || run.pool() != null) {
          problems.add(
              "config verify-schedule \""
                  + part.strip()
                  + "\" must give only when to run, with no Level= or Pool= (a verify is always"
                  + " VolumeToCatalog), e.g. \"sun at 05:00\"");
          return List.of();
        }
        runs.add(run);
      } catch (InvalidConfigException e) {
        problems.add("config verify-schedule: " + e.getMessage() + "; e.g. \"sun at 05:00\"");
        return List.of();
      }
    }
    int perDay = runs.stream().mapToInt(RunSpec::maxRunsPerDay).sum();
    if (perDay > maxRuns) {
      problems.add(
          "config verify-schedule asks for up to "
              + perDay
              + " verifies a day, over"
              + " max-runs-per-day "
              + maxRuns
              + "; run it less often, e.g. \"sun at 05:00\"");
      return List.of();
    }
    return List.copyOf(runs);
  }

  /** An int option from {@code min} to {@code max}; a wrong value is named in {@code problems}. */
  private static int wholeNumber(
      Map<String, ?> config, String option, int fallback, int min, int max, List<String> problems) {
    Object value = config.get(option);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.longValue() >= min && n.longValue() <= max) {
      return n.intValue();
    }
    problems.add(
        "config " + option + " " + value + " must be a whole number from " + min + " to " + max);
    return fallback;
  }

  /** Whether the pool has a volume limit, and so backups a bounded wait. */
  public boolean limitsVolumes() {
    return maxVolumes > 0;
  }

  private static long bytes(
      Map<String, ?> config, String option, long fallback, List<String> problems) {
    Object value = config.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      return BaculaUnits.bytes(option, String.valueOf(value));
    } catch (InvalidSettingException e) {
      problems.add(e.getMessage());
      return fallback;
    }
  }

  private static Duration duration(
      Map<String, ?> config, String option, Duration fallback, List<String> problems) {
    Object value = config.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      return BaculaUnits.duration(option, String.valueOf(value));
    } catch (InvalidSettingException e) {
      problems.add(e.getMessage());
      return fallback;
    }
  }
}
