package io.backupcharms.bacula.console;

import io.backupcharms.bacula.config.Replace;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What to restore: everything, or a selection, from a backup and the backups it builds on, or the
 * latest backups of a client.
 *
 * @param client the Client whose backup is restored
 * @param jobIds the backup JobIds (a Full and the jobs after it, or one job); empty for the most
 *     recent (Full plus later Incrementals)
 * @param fileSet the FileSet, required when {@code jobIds} is empty
 * @param restoreJob the Restore Job to use, or null when the Director has only one
 * @param where the prefix to restore under; {@code /} restores in place; null keeps the Job's
 * @param replace what to do with existing files, or null for the Job's setting
 * @param restoreClient the Client to restore to, or null for {@code client}
 * @param selection the files and directories to restore, or null for everything
 */
public record RestoreRequest(
    String client,
    List<Long> jobIds,
    String fileSet,
    String restoreJob,
    String where,
    Replace replace,
    String restoreClient,
    Selection selection) {

  /**
   * Part of a backup, as catalog ids: a file's {@code FileId}, a directory's {@code PathId}
   * (everything under it).
   */
  public record Selection(List<Long> fileIds, List<Long> directoryIds) {
    public Selection {
      fileIds = List.copyOf(fileIds);
      directoryIds = List.copyOf(directoryIds);
      if (fileIds.isEmpty() && directoryIds.isEmpty()) {
        throw new ConsoleException("a restore selection needs at least one file or directory");
      }
    }
  }

  public RestoreRequest {
    CommandArgs.name("client", client);
    jobIds = List.copyOf(jobIds);
    if (jobIds.isEmpty() && fileSet == null) {
      throw new ConsoleException(
          "restore of the latest backup of client \"" + client + "\" needs its FileSet name");
    }
    if (jobIds.isEmpty() && selection != null) {
      throw new ConsoleException(
          "restore of a selection from client \"" + client + "\" needs the JobIds it comes from");
    }
    for (long id : jobIds) {
      if (id < 1) {
        throw new ConsoleException("restore: JobId " + id + " is not valid");
      }
    }
  }

  /** Restore the latest backup of {@code client} made with {@code fileSet}. */
  public static RestoreRequest latest(String client, String fileSet) {
    return new RestoreRequest(client, List.of(), fileSet, null, null, null, null, null);
  }

  /** Restore everything backup job {@code jobId} of {@code client} saved. */
  public static RestoreRequest ofJob(long jobId, String client) {
    return ofJobs(List.of(jobId), client);
  }

  /** Restore the files of {@code jobIds} (a Full and the jobs after it) of {@code client}. */
  public static RestoreRequest ofJobs(List<Long> jobIds, String client) {
    return new RestoreRequest(client, jobIds, null, null, null, null, null, null);
  }

  /** A copy restoring under {@code prefix} ({@code /} = in place). */
  public RestoreRequest withWhere(String prefix) {
    return new RestoreRequest(
        client, jobIds, fileSet, restoreJob, prefix, replace, restoreClient, selection);
  }

  /** A copy with a replace policy. */
  public RestoreRequest withReplace(Replace r) {
    return new RestoreRequest(
        client, jobIds, fileSet, restoreJob, where, r, restoreClient, selection);
  }

  /** A copy naming the Restore Job (needed when the Director has several). */
  public RestoreRequest withRestoreJob(String job) {
    return new RestoreRequest(
        client, jobIds, fileSet, job, where, replace, restoreClient, selection);
  }

  /** A copy restoring to another Client. */
  public RestoreRequest withRestoreClient(String c) {
    return new RestoreRequest(client, jobIds, fileSet, restoreJob, where, replace, c, selection);
  }

  /** A copy restoring only {@code s}. */
  public RestoreRequest withSelection(Selection s) {
    return new RestoreRequest(
        client, jobIds, fileSet, restoreJob, where, replace, restoreClient, s);
  }

  /** The JobIds as Bacula's comma-separated list. */
  String jobList() {
    return jobIds.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** The command restoring everything of the jobs (or the latest), with no menu. */
  String toCommand() {
    StringBuilder b = new StringBuilder("restore");
    if (!jobIds.isEmpty()) {
      b.append(" jobid=").append(jobList());
    }
    b.append(onto()).append(CommandArgs.optionalName("fileset", fileSet));
    if (jobIds.isEmpty()) {
      b.append(" select current");
    }
    return b.append(" all done yes").toString();
  }

  /** The command restoring the files a {@code .bvfs_restore} put in catalog table {@code table}. */
  String toCommand(String table) {
    return "restore file=?" + table + onto() + " done yes";
  }

  private String onto() {
    StringBuilder b =
        new StringBuilder(CommandArgs.name("client", client))
            .append(CommandArgs.optionalName("restorejob", restoreJob))
            .append(CommandArgs.optionalName("restoreclient", restoreClient))
            .append(CommandArgs.optionalPath("where", where));
    if (replace != null) {
      b.append(" replace=").append(replace.baculaName());
    }
    return b.toString();
  }
}
