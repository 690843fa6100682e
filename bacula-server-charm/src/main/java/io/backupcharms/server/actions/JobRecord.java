package io.backupcharms.server.actions;

import io.backupcharms.schema.BackupStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One job as the catalog records it.
 *
 * @param id the JobId
 * @param type B (backup) or R (restore)
 * @param level F, I or D for backups
 * @param status Bacula's JobStatus letter ({@code T} ok, {@code W} warnings, {@code f} failed...)
 * @param files files written or restored
 * @param bytes bytes written or restored
 * @param start start time as the catalog prints it, empty before the job starts
 * @param end end time, empty while it runs
 * @param client the Client name
 */
public record JobRecord(
    long id, char type, char level, char status, long files, long bytes, String start,
    String end, String client) {

  private static final DateTimeFormatter CATALOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** True once the job has ended, well or not. */
  public boolean isFinished() {
    return BackupStatus.fromBaculaJobStatus(status).isPresent();
  }

  /** True when it ended without errors ({@code T} or {@code W}). */
  public boolean isGood() {
    return status == 'T' || status == 'W';
  }

  /** {@code success}, {@code warning}, {@code failed}, {@code canceled}, or what it is doing now. */
  public String statusWord() {
    return BackupStatus.fromBaculaJobStatus(status)
        .map(BackupStatus::value)
        .orElse(switch (status) {
          case 'R' -> "running";
          case 'C' -> "created";
          default -> "waiting (" + status + ")";
        });
  }

  /** Full, Incremental or Differential. */
  public String levelName() {
    return switch (level) {
      case 'F' -> "Full";
      case 'I' -> "Incremental";
      case 'D' -> "Differential";
      default -> String.valueOf(level);
    };
  }

  /**
   * When the job started, read in this machine's time zone as the Director on it writes it;
   * {@link Instant#EPOCH} when unknown.
   */
  public Instant startInstant() {
    try {
      return LocalDateTime.parse(start, CATALOG_TIME).atZone(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** When the job ended, in this machine's time zone; {@link Instant#EPOCH} while it runs. */
  public Instant endInstant() {
    try {
      return LocalDateTime.parse(end, CATALOG_TIME).atZone(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** Seconds between start and end, when both are known. */
  public Optional<Duration> duration() {
    try {
      return Optional.of(
          Duration.between(
              LocalDateTime.parse(start, CATALOG_TIME), LocalDateTime.parse(end, CATALOG_TIME)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The fields an operator sees, as action results; {@code client-name} is the Bacula Client
   * resource, and the caller adds {@code client}, the unit, which only it knows.
   */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("job-id", Long.toString(id));
    out.put("client-name", client);
    if (type == 'B') {
      out.put("level", levelName());
    }
    out.put("status", statusWord());
    out.put("job-status", String.valueOf(status));
    out.put("time", start.isEmpty() ? end : start);
    out.put("end-time", end);
    out.put("files", Long.toString(files));
    out.put("bytes", Long.toString(bytes));
    duration().ifPresent(d -> out.put("duration", d.toSeconds() + "s"));
    return out;
  }
}
