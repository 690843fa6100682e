package io.backupcharms.bacula.console;

import io.backupcharms.bacula.config.Level;

/**
 * What to run: a Job, with optional overrides (null keeps the Job's own setting).
 *
 * @param job the Job name
 * @param level the level, or null
 * @param client the Client, or null
 * @param fileSet the FileSet, or null
 * @param where a restore prefix (restore jobs), or null
 * @param storage the Storage, or null
 * @param pool the Pool, or null
 * @param jobId the backup a Verify job reads back ({@code jobid=}), or null for the Job's own
 */
public record RunRequest(
    String job,
    Level level,
    String client,
    String fileSet,
    String where,
    String storage,
    String pool,
    Long jobId) {
  public RunRequest {
    CommandArgs.name("job", job);
    if (jobId != null && jobId < 1) {
      throw new ConsoleException("run " + job + ": JobId " + jobId + " is not valid");
    }
  }

  /** Run this Job as configured. */
  public static RunRequest of(String job) {
    return new RunRequest(job, null, null, null, null, null, null, null);
  }

  /** A copy at this level. */
  public RunRequest withLevel(Level l) {
    return new RunRequest(job, l, client, fileSet, where, storage, pool, jobId);
  }

  /** A copy for this Client. */
  public RunRequest withClient(String c) {
    return new RunRequest(job, level, c, fileSet, where, storage, pool, jobId);
  }

  /** A copy with this FileSet. */
  public RunRequest withFileSet(String f) {
    return new RunRequest(job, level, client, f, where, storage, pool, jobId);
  }

  /** A copy with this restore prefix. */
  public RunRequest withWhere(String w) {
    return new RunRequest(job, level, client, fileSet, w, storage, pool, jobId);
  }

  /** A copy that verifies backup {@code backupId} (a Verify Job's {@code jobid=}). */
  public RunRequest withJobId(long backupId) {
    return new RunRequest(job, level, client, fileSet, where, storage, pool, backupId);
  }

  String toCommand() {
    StringBuilder b = new StringBuilder("run").append(CommandArgs.name("job", job));
    if (level != null) {
      b.append(" level=").append(level.baculaName());
    }
    if (jobId != null) {
      b.append(" jobid=").append(jobId);
    }
    b.append(CommandArgs.optionalName("client", client))
        .append(CommandArgs.optionalName("fileset", fileSet))
        .append(CommandArgs.optionalName("storage", storage))
        .append(CommandArgs.optionalName("pool", pool))
        .append(CommandArgs.optionalPath("where", where));
    return b.append(" yes").toString();
  }
}
