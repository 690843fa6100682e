package io.backupcharms.server.actions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The catalog facts the off-machine copy and the recovery need, read through the Director's
 * console like every other catalog read: which volumes hold which jobs, whether a copy is due,
 * and the volumes a recovered catalog must not append to.
 */
public final class CatalogQueries {

  private static final String MARK = "'R#'";
  private static final Pattern VOLUME = Pattern.compile("[A-Za-z0-9_.:-]{1,127}");

  private final DirectorJobs director;
  private final ConsoleSession console;

  public CatalogQueries(ConsoleSession console) {
    this.console = console;
    this.director = new DirectorJobs(console);
  }

  /** The newest job id the catalog holds, 0 when it holds none. */
  public long newestJobId() {
    List<List<String>> rows = director.rows(query("SELECT " + MARK + ", COALESCE(MAX(JobId), 0) FROM Job"), 1);
    return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0).strip());
  }

  /** How many jobs are queued or running. */
  public int activeJobs() {
    List<List<String>> rows = director.rows(query("SELECT " + MARK + ", COUNT(*) FROM Job"
        + " WHERE JobStatus IN ('C', 'R', 'B', 'F', 'S', 'm', 'M', 's', 'j', 'c', 'd', 't', 'p', 'i', 'a')"), 1);
    return rows.isEmpty() ? 0 : Integer.parseInt(rows.get(0).get(0).strip());
  }

  /** How many jobs the catalog holds. */
  public long jobCount() {
    List<List<String>> rows = director.rows(query("SELECT " + MARK + ", COUNT(*) FROM Job"), 1);
    return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0).strip());
  }

  /** How many clients the catalog knows. */
  public long clientCount() {
    List<List<String>> rows = director.rows(query("SELECT " + MARK + ", COUNT(*) FROM Client"), 1);
    return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0).strip());
  }

  /** The volumes each job wrote, in job order; a job with no volume is absent. */
  public Map<Long, List<String>> volumesOf(Collection<Long> jobIds) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    if (jobIds.isEmpty()) {
      return out;
    }
    String ids = jobIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    for (List<String> row : director.rows(query("SELECT DISTINCT " + MARK + ", jm.JobId, m.VolumeName"
        + " FROM JobMedia jm JOIN Media m ON jm.MediaId = m.MediaId WHERE jm.JobId IN (" + ids + ")"
        + " ORDER BY jm.JobId, m.VolumeName"), 2)) {
      out.computeIfAbsent(Long.parseLong(row.get(0).strip()), k -> new ArrayList<>()).add(row.get(1));
    }
    return out;
  }

  /** The volumes the Storage Daemon may still append to. */
  public List<String> appendableVolumes() {
    List<String> out = new ArrayList<>();
    for (List<String> row : director.rows(query("SELECT " + MARK + ", VolumeName FROM Media"
        + " WHERE VolStatus = 'Append' ORDER BY VolumeName"), 1)) {
      out.add(row.get(0));
    }
    return out;
  }

  /**
   * Closes a volume for writing. A recovered catalog's last volume is Append, but its file is in
   * the bucket, not here: new backups must start a new volume instead of waiting for that one.
   */
  public void markUsed(String volume) {
    if (!VOLUME.matcher(volume).matches()) {
      throw new IllegalArgumentException("not a volume name: " + volume);
    }
    String answer = console.send("update volume=" + volume + " volstatus=Used");
    if (!answer.contains("New Volume status is: Used")) {
      throw new ActionFailedException(
          "the Director did not close volume " + volume + ": " + DirectorJobs.oneLine(answer), Map.of());
    }
  }

  private static String query(String sql) {
    return ".sql query=\"" + sql + "\"";
  }
}
