package io.backupcharms.bacula.console.reply;

import io.backupcharms.bacula.config.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A job as the catalog records it ({@code llist jobid=N} / {@code llist jobs}, or a catalog query).
 *
 * @param jobId the JobId
 * @param job the unique job name (name plus date)
 * @param name the Job resource name
 * @param type the type letter: B backup, R restore, V verify...
 * @param level the level letter: F, I, D, or blank
 * @param client the Client name
 * @param status the status
 * @param files JobFiles
 * @param bytes JobBytes
 * @param errors JobErrors
 * @param fileSet the FileSet name, or "" when none
 * @param startTime StartTime, or null before the job started
 * @param endTime EndTime, or null before it ended
 */
public record JobRecord(
    long jobId,
    String job,
    String name,
    String type,
    String level,
    String client,
    JobStatus status,
    long files,
    long bytes,
    long errors,
    String fileSet,
    LocalDateTime startTime,
    LocalDateTime endTime) {

  /** True when the job is a backup. */
  public boolean isBackup() {
    return type.equals("B");
  }

  /** True when it ended without errors ({@code T} or {@code W}). */
  public boolean isGood() {
    return status.isSuccess();
  }

  /** Full, Incremental, Differential (or the verify level's name), else the letter as stored. */
  public String levelName() {
    if (level.length() == 1 && "FID".contains(level)) {
      return Level.fromBacula(level).baculaName();
    }
    return level;
  }

  /**
   * When the job started, read in this machine's time zone as the Director on it writes it; {@link
   * Instant#EPOCH} when unknown.
   */
  public Instant startInstant() {
    return startTime == null ? Instant.EPOCH : startTime.atZone(ZoneId.systemDefault()).toInstant();
  }

  /** When the job ended, in this machine's time zone; {@link Instant#EPOCH} while it runs. */
  public Instant endInstant() {
    return endTime == null ? Instant.EPOCH : endTime.atZone(ZoneId.systemDefault()).toInstant();
  }

  /** The time between start and end, when both are known. */
  public Optional<Duration> duration() {
    return startTime == null || endTime == null
        ? Optional.empty()
        : Optional.of(Duration.between(startTime, endTime));
  }
}
