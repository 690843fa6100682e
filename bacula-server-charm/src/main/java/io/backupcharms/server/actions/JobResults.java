package io.backupcharms.server.actions;

import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.schema.BackupStatus;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How a job reads in action results and logs: the words and fields an operator sees. */
public final class JobResults {

  private static final DateTimeFormatter CATALOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private JobResults() {}

  /**
   * {@code success}, {@code warning}, {@code failed}, {@code canceled}, or what it is doing now.
   */
  public static String statusWord(JobRecord job) {
    char status = job.status().letter();
    return BackupStatus.fromBaculaJobStatus(status)
        .map(BackupStatus::value)
        .orElse(
            switch (status) {
              case 'R' -> "running";
              case 'C' -> "created";
              default -> "waiting (" + status + ")";
            });
  }

  /** When the job started as the catalog prints it, else when it ended, else empty. */
  public static String time(JobRecord job) {
    return job.startTime() != null ? format(job.startTime()) : format(job.endTime());
  }

  /**
   * The fields an operator sees, as action results; {@code client-name} is the Bacula Client
   * resource, and the caller adds {@code client}, the unit, which only it knows.
   */
  public static Map<String, String> describe(JobRecord job) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("job-id", Long.toString(job.jobId()));
    out.put("client-name", job.client());
    if (job.isBackup()) {
      out.put("level", job.levelName());
    }
    out.put("status", statusWord(job));
    out.put("job-status", String.valueOf(job.status().letter()));
    out.put("time", time(job));
    out.put("end-time", format(job.endTime()));
    out.put("files", Long.toString(job.files()));
    out.put("bytes", Long.toString(job.bytes()));
    job.duration().ifPresent(d -> out.put("duration", d.toSeconds() + "s"));
    return out;
  }

  /** JobIds as Bacula and the action logs write them: {@code 1,3,4}. */
  static String join(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static String format(LocalDateTime time) {
    return time == null ? "" : CATALOG_TIME.format(time);
  }
}
