package io.backupcharms.server.actions;

import io.backupcharms.bacula.console.Director;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The catalog facts the off-machine copy and the recovery need, read through the Director's console
 * like every other catalog read: which volumes hold which jobs, whether a copy is due, and the
 * volumes a recovered catalog must not append to.
 */
public final class CatalogQueries {

  private final Director director;

  /** Reads through {@code director}, which the caller closes. */
  public CatalogQueries(Director director) {
    this.director = director;
  }

  /** The newest job id the catalog holds, 0 when it holds none. */
  public long newestJobId() {
    List<List<String>> rows = director.select("COALESCE(MAX(JobId), 0) FROM Job", 1);
    return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0).strip());
  }

  /** How many jobs are queued or running. */
  public int activeJobs() {
    List<List<String>> rows =
        director.select(
            "COUNT(*) FROM Job WHERE JobStatus IN ('C', 'R', 'B', 'F', 'S', 'm', 'M', 's', 'j',"
                + " 'c', 'd', 't', 'p', 'i', 'a')",
            1);
    return rows.isEmpty() ? 0 : Integer.parseInt(rows.get(0).get(0).strip());
  }

  /** How many jobs the catalog holds. */
  public long jobCount() {
    List<List<String>> rows = director.select("COUNT(*) FROM Job", 1);
    return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0).strip());
  }

  /** How many clients the catalog knows. */
  public long clientCount() {
    List<List<String>> rows = director.select("COUNT(*) FROM Client", 1);
    return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0).strip());
  }

  /** The volumes each job wrote, in job order; a job with no volume is absent. */
  public Map<Long, List<String>> volumesOf(Collection<Long> jobIds) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    if (jobIds.isEmpty()) {
      return out;
    }
    String ids = jobIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    for (List<String> row :
        director.select(
            "jm.JobId, m.VolumeName"
                + " FROM JobMedia jm JOIN Media m ON jm.MediaId = m.MediaId WHERE jm.JobId IN ("
                + ids
                + ")"
                + " GROUP BY jm.JobId, m.VolumeName ORDER BY jm.JobId, m.VolumeName",
            2)) {
      out.computeIfAbsent(Long.parseLong(row.get(0).strip()), k -> new ArrayList<>())
          .add(row.get(1));
    }
    return out;
  }

  /** The volumes the Storage Daemon may still append to. */
  public List<String> appendableVolumes() {
    List<String> out = new ArrayList<>();
    for (List<String> row :
        director.select(
            "VolumeName FROM Media" + " WHERE VolStatus = 'Append' ORDER BY VolumeName", 1)) {
      out.add(row.get(0));
    }
    return out;
  }

  /**
   * Closes a volume for writing. A recovered catalog's last volume is Append, but its file is in
   * the bucket, not here: new backups must start a new volume instead of waiting for that one.
   */
  public void markUsed(String volume) {
    director.markVolumeUsed(volume);
  }
}
