package io.backupcharms.bacula.console.reply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a File Daemon's answer to {@code .status terminated api=2}: a {@code terminated:} header,
 * then one {@code key=value} record per job, records separated by blank lines. Records without a
 * numeric jobid and endtime_epoch are skipped.
 */
public final class TerminatedJobsParser {
  private TerminatedJobsParser() {}

  /** The jobs in the answer, in its order (oldest first). */
  public static List<TerminatedJob> parse(String answer) {
    List<TerminatedJob> jobs = new ArrayList<>();
    Map<String, String> record = new HashMap<>();
    for (String line : answer.split("\n", -1)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        record.put(line.substring(0, eq), line.substring(eq + 1));
      } else if (line.isBlank()) {
        toJob(record, jobs);
        record.clear();
      }
    }
    toJob(record, jobs);
    return List.copyOf(jobs);
  }

  private static void toJob(Map<String, String> record, List<TerminatedJob> out) {
    String jobId = record.get("jobid");
    String end = record.get("endtime_epoch");
    if (jobId == null || end == null || !jobId.matches("\\d{1,18}") || !end.matches("\\d{1,18}")) {
      return;
    }
    out.add(
        new TerminatedJob(
            Long.parseLong(jobId),
            firstChar(record.get("type")),
            firstChar(record.get("level")),
            firstChar(record.get("status")),
            Instant.ofEpochSecond(Long.parseLong(end)),
            record.getOrDefault("name", "")));
  }

  private static char firstChar(String value) {
    return value == null || value.isEmpty() ? ' ' : value.charAt(0);
  }
}
