package io.backupcharms.server.actions;

import io.backupcharms.bacula.console.reply.JobProgress;
import io.backupcharms.bacula.console.reply.Replies;
import io.backupcharms.bacula.console.reply.ReplyFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Director commands the actions use, and what their answers mean. Catalog reads go through
 * {@code .sql}, whose rows arrive as tab-terminated fields with no row separator, so every query
 * starts with a marker column. Values put into commands are client and job names already checked
 * against Bacula's name characters, numbers, and keywords from a fixed list.
 */
public final class DirectorJobs {

  private static final String MARK = "R#";
  private static final String JOB_COLUMNS =
      "SELECT '" + MARK + "', j.JobId, j.Type, j.Level, j.JobStatus, j.JobFiles, j.JobBytes,"
          + " j.StartTime, j.EndTime, c.Name FROM Job j LEFT JOIN Client c ON j.ClientId = c.ClientId";
  private static final Pattern QUEUED = Pattern.compile("Job queued\\. JobId=(\\d+)");
  private static final Pattern JOB_IDS = Pattern.compile("^(\\d+(?:,\\d+)*)\\s*$", Pattern.MULTILINE);
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:-]{1,127}");

  private final ConsoleSession console;

  /** Queries through {@code console}, which the caller closes. */
  public DirectorJobs(ConsoleSession console) {
    this.console = console;
  }

  /**
   * Queues a backup job.
   *
   * @return its JobId
   * @throws ActionFailedException with the Director's answer when it queued nothing
   */
  long runBackup(String job, String level) {
    String answer = console.send("run job=" + safe(job) + " level=" + safe(level) + " yes");
    return queued(answer, "run " + job);
  }

  /** Queues the verify Job {@code job} of backup {@code backupId}; returns its JobId. */
  long runVerify(String job, long backupId) {
    String answer = console.send("run job=" + safe(job) + " jobid=" + backupId
        + " level=VolumeToCatalog yes");
    return queued(answer, "run " + job);
  }

  /**
   * Queues a restore of the files of {@code jobIds} (a Full and the jobs after it), backed up from
   * {@code client}, onto {@code target} through {@code restoreJob} (the target's, so its scripts run
   * around it). With a selection, only those files and directories are restored: the selection is
   * put in a temporary catalog table with {@code .bvfs_restore} and restored with
   * {@code file=?<table>}, Bacula's non-interactive way to restore part of a backup; the table is
   * dropped afterwards whatever happened.
   *
   * @return the restore's JobId
   */
  long restore(String client, String target, String restoreJob, List<Long> jobIds, String where,
      String replace, Optional<CatalogPaths.Selection> selection) {
    String ids = join(jobIds);
    String onto = " client=" + safe(client) + " restoreclient=" + safe(target)
        + " restorejob=" + safe(restoreJob) + " where=" + where + " replace=" + safe(replace);
    String answer;
    if (selection.isEmpty()) {
      answer = console.send("restore jobid=" + ids + onto + " all done yes");
    } else {
      String table = "b2" + ProcessHandle.current().pid() + System.nanoTime() % 1_000_000;
      try {
        console.send(".bvfs_update jobid=" + ids);
        StringBuilder select = new StringBuilder(".bvfs_restore path=" + table + " jobid=" + ids);
        if (!selection.get().fileIds().isEmpty()) {
          select.append(" fileid=").append(join(selection.get().fileIds()));
        }
        if (!selection.get().directoryIds().isEmpty()) {
          select.append(" dirid=").append(join(selection.get().directoryIds()));
        }
        String built = console.send(select.toString());
        if (!built.contains("OK")) {
          throw new ActionFailedException(
              "the Director could not select the paths to restore: " + oneLine(built), Map.of());
        }
        answer = console.send("restore file=?" + table + onto + " done yes");
      } finally {
        try {
          console.send(".bvfs_cleanup path=" + table);
        } catch (RuntimeException e) {
          // A table left behind only takes catalog space; the restore's own outcome matters more.
        }
      }
    }
    if (answer.contains("No files selected to be restored")) {
      throw new ActionFailedException(
          "backup " + ids + " of " + client + " has no files to restore", Map.of());
    }
    return queued(answer, "restore");
  }

  /** The jobs whose files a restore of {@code jobId} needs: its Full and what came after. */
  List<Long> restoreChain(long jobId) {
    String answer = console.send(".bvfs_get_jobids jobid=" + jobId);
    Matcher m = JOB_IDS.matcher(answer);
    if (!m.find()) {
      throw new ActionFailedException(
          "the Director found no backups to restore for job " + jobId + ": " + oneLine(answer),
          Map.of());
    }
    List<Long> ids = new ArrayList<>();
    for (String id : m.group(1).split(",")) {
      ids.add(Long.parseLong(id));
    }
    return ids;
  }

  /** Files and bytes a running job has moved so far, when the Director reports it. */
  Optional<JobProgress> progress(long id) {
    try {
      return Replies.running(console.send(".status dir running")).stream()
          .filter(p -> p.jobId() == id)
          .findFirst();
    } catch (ReplyFormatException e) {
      // Progress is a courtesy: an answer we cannot read must not fail the job's action.
      return Optional.empty();
    }
  }

  /** One job from the catalog. */
  Optional<JobRecord> job(long id) {
    List<JobRecord> rows = jobs(" WHERE j.JobId = " + id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The newest backup jobs, optionally of one client. */
  List<JobRecord> backups(Optional<String> client, int limit) {
    String where = " WHERE j.Type = 'B'" + client.map(c -> " AND c.Name = '" + safe(c) + "'").orElse("");
    return jobs(where + " ORDER BY j.JobId DESC LIMIT " + limit);
  }

  /** The client's newest backup that ended well. */
  Optional<JobRecord> latestGoodBackup(String client) {
    List<JobRecord> rows =
        jobs(" WHERE j.Type = 'B' AND j.JobStatus IN ('T', 'W') AND c.Name = '" + safe(client)
            + "' ORDER BY j.JobId DESC LIMIT 1");
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Each client's newest backup, by client name. */
  public Map<String, JobRecord> lastBackups() {
    Map<String, JobRecord> out = new LinkedHashMap<>();
    for (JobRecord r :
        jobs(" WHERE j.JobId IN (SELECT MAX(JobId) FROM Job WHERE Type = 'B' GROUP BY ClientId)")) {
      out.put(r.client(), r);
    }
    return out;
  }

  /** The name of every Client the catalog has a row for, in the order they were first seen. */
  List<String> catalogClients() {
    List<String> names = new ArrayList<>();
    for (List<String> row : select("Name FROM Client ORDER BY ClientId", 1)) {
      names.add(row.get(0));
    }
    return names;
  }

  /** Each client's newest backup that ended well, by client name. */
  Map<String, JobRecord> lastGoodBackups() {
    Map<String, JobRecord> out = new LinkedHashMap<>();
    for (JobRecord r : jobs(" WHERE j.JobId IN (SELECT MAX(JobId) FROM Job WHERE Type = 'B'"
        + " AND JobStatus IN ('T', 'W') GROUP BY ClientId)")) {
      out.put(r.client(), r);
    }
    return out;
  }

  /** Each client's newest job of {@code type} ({@code V} for verify) that has ended, by client name. */
  public Map<String, JobRecord> lastEnded(char type) {
    Map<String, JobRecord> out = new LinkedHashMap<>();
    for (JobRecord r : jobs(" WHERE j.JobId IN (SELECT MAX(JobId) FROM Job WHERE Type = '" + type
        + "' AND EndTime IS NOT NULL AND JobStatus IN ('T', 'W', 'E', 'e', 'f', 'A')"
        + " GROUP BY ClientId)")) {
      out.put(r.client(), r);
    }
    return out;
  }

  /** Each client's newest good backup of each level, in one query. */
  public List<JobRecord> lastGoodOfEachLevel() {
    return jobs(" WHERE j.JobId IN (SELECT MAX(JobId) FROM Job WHERE Type = 'B'"
        + " AND JobStatus IN ('T', 'W') GROUP BY ClientId, Level)");
  }

  /** The job's log lines, oldest first. */
  List<String> log(long jobId) {
    List<String> lines = new ArrayList<>();
    for (List<String> row :
        rows(".sql query=\"SELECT '" + MARK + "', LogText FROM Log WHERE JobId = " + jobId
            + " ORDER BY LogId\"", 1)) {
      lines.add(row.get(0).strip());
    }
    return lines;
  }

  private List<JobRecord> jobs(String condition) {
    List<JobRecord> out = new ArrayList<>();
    for (List<String> f : rows(".sql query=\"" + JOB_COLUMNS + condition + "\"", 9)) {
      out.add(
          new JobRecord(
              Long.parseLong(f.get(0)), first(f.get(1)), first(f.get(2)), first(f.get(3)),
              number(f.get(4)), number(f.get(5)), time(f.get(6)), time(f.get(7)), f.get(8)));
    }
    return out;
  }

  /**
   * Rows of {@code SELECT '<mark>', ...} sent through {@code .sql}, each with {@code columns}
   * fields after the mark.
   */
  public List<List<String>> select(String query, int columns) {
    return rows(".sql query=\"SELECT '" + MARK + "', " + query + "\"", columns);
  }

  /** Rows of a marker-first {@code .sql} answer, each with {@code columns} fields after the mark. */
  List<List<String>> rows(String command, int columns) {
    String answer = console.send(command);
    List<List<String>> rows = new ArrayList<>();
    int at = answer.indexOf(MARK + "\t");
    while (at >= 0) {
      List<String> fields = new ArrayList<>();
      int pos = at + MARK.length() + 1;
      for (int i = 0; i < columns; i++) {
        int tab = answer.indexOf('\t', pos);
        if (tab < 0) {
          throw new ActionFailedException(
              "unexpected catalog answer from the Director: " + oneLine(answer), Map.of());
        }
        fields.add(answer.substring(pos, tab));
        pos = tab + 1;
      }
      rows.add(fields);
      at = answer.startsWith(MARK + "\t", pos) ? pos : answer.indexOf(MARK + "\t", pos);
    }
    if (rows.isEmpty() && answer.contains("Query failed")) {
      throw new ActionFailedException("the catalog query failed: " + oneLine(answer), Map.of());
    }
    return rows;
  }

  private static long queued(String answer, String what) {
    Matcher m = QUEUED.matcher(answer);
    if (!m.find()) {
      throw new ActionFailedException(
          "the Director did not start " + what + ": " + oneLine(answer), Map.of());
    }
    return Long.parseLong(m.group(1));
  }

  private static String safe(String value) {
    if (!SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a Bacula name or keyword: " + value);
    }
    return value;
  }

  private static char first(String field) {
    return field.isEmpty() ? '?' : field.charAt(0);
  }

  private static long number(String field) {
    try {
      return Long.parseLong(field.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String time(String field) {
    return field.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*") ? field.substring(0, 19) : "";
  }

  static String join(List<Long> ids) {
    StringBuilder out = new StringBuilder();
    for (long id : ids) {
      out.append(out.length() == 0 ? "" : ",").append(id);
    }
    return out.toString();
  }

  static String oneLine(String text) {
    String flat = text.replace("You have messages.", "").replaceAll("\\s+", " ").strip();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
