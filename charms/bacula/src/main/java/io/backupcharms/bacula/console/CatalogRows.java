package io.backupcharms.bacula.console;

import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.bacula.console.reply.JobStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog reads through {@code .sql}. Its rows arrive as tab-terminated fields with no row
 * separator, so every query starts with a marker column that tells where a row begins.
 */
final class CatalogRows {
  static final String MARK = "R#";
  static final String JOB_COLUMNS =
      "j.JobId, j.Type, j.Level, j.JobStatus, j.JobFiles, j.JobBytes, j.StartTime, j.EndTime,"
          + " c.Name, j.Job, j.Name, j.JobErrors, fs.FileSet FROM Job j LEFT JOIN Client c ON"
          + " j.ClientId = c.ClientId LEFT JOIN FileSet fs ON j.FileSetId = fs.FileSetId";
  static final int JOB_FIELDS = 13;

  private CatalogRows() {}

  /** The command that selects {@code query} (what follows {@code SELECT}) behind the marker. */
  static String command(String query) {
    return ".sql query=\"SELECT '" + MARK + "', " + query + "\"";
  }

  /**
   * The rows of a marker-first {@code .sql} answer, each with {@code columns} fields after the
   * mark.
   *
   * @throws DirectorAnswerException when a row is cut short, or the query failed
   */
  static List<List<String>> parse(String answer, int columns) {
    List<List<String>> rows = new ArrayList<>();
    int at = answer.indexOf(MARK + "\t");
    while (at >= 0) {
      List<String> fields = new ArrayList<>();
      int pos = at + MARK.length() + 1;
      for (int i = 0; i < columns; i++) {
        int tab = answer.indexOf('\t', pos);
        if (tab < 0) {
          throw new DirectorAnswerException(
              "unexpected catalog answer from the Director: "
                  + DirectorAnswerException.oneLine(answer));
        }
        fields.add(answer.substring(pos, tab));
        pos = tab + 1;
      }
      rows.add(fields);
      at = answer.startsWith(MARK + "\t", pos) ? pos : answer.indexOf(MARK + "\t", pos);
    }
    if (rows.isEmpty() && answer.contains("Query failed")) {
      throw new DirectorAnswerException(
          "the catalog query failed: " + DirectorAnswerException.oneLine(answer));
    }
    return rows;
  }

  /** A job from the {@link #JOB_COLUMNS} of one row. */
  static JobRecord job(List<String> f) {
    return new JobRecord(
        Long.parseLong(f.get(0).strip()),
        f.get(9),
        f.get(10),
        f.get(1).strip(),
        f.get(2).strip(),
        f.get(8),
        JobStatus.of(f.get(3).strip()),
        number(f.get(4)),
        number(f.get(5)),
        number(f.get(11)),
        f.get(12),
        time(f.get(6)),
        time(f.get(7)));
  }

  private static long number(String field) {
    try {
      return Long.parseLong(field.strip());
    } catch (NumberFormatException e) {
      // An empty count (a job that has not started) is none yet.
      return 0;
    }
  }

  /** SQLite prints {@code 0} and PostgreSQL nothing for a time not reached yet. */
  private static LocalDateTime time(String field) {
    if (!field.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*") || field.startsWith("0000")) {
      return null;
    }
    return LocalDateTime.parse(field.substring(0, 10) + "T" + field.substring(11, 19));
  }
}
