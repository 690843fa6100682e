package io.backupcharms.bacula.console;

import io.backupcharms.bacula.config.JobType;
import io.backupcharms.bacula.console.reply.JobProgress;
import io.backupcharms.bacula.console.reply.JobRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Director's jobs, typed: running, waiting for, listing and restoring them, and reading the
 * catalog they are recorded in. One logged-in session; the caller closes it. {@link NativeDirector}
 * implements it over the native console client. See {@code
 * shared/reference/bacula-console-protocol.md}.
 */
public interface Director extends AutoCloseable {

  /**
   * Queues a job (a backup, or a verify of one backup).
   *
   * @return its JobId
   * @throws DirectorAnswerException quoting the Director when it queued nothing
   */
  long run(RunRequest request);

  /**
   * Queues a restore. With a selection, only those files and directories are restored: they are put
   * in a temporary catalog table with {@code .bvfs_restore} and restored with {@code
   * file=?<table>}, Bacula's non-interactive way to restore part of a backup; the table is dropped
   * afterwards whatever happened.
   *
   * @return the restore's JobId
   * @throws DirectorAnswerException when the backup has no files to restore, the selection cannot
   *     be made, or nothing was queued
   */
  long restore(RestoreRequest request);

  /**
   * The jobs whose files a restore of {@code jobId} needs: its Full and what came after.
   *
   * @throws DirectorAnswerException when the Director finds none
   */
  List<Long> restoreChain(long jobId);

  /**
   * Waits for job {@code jobId} to end, telling {@code watcher} what it does meanwhile.
   *
   * @return the job's final record
   * @throws JobNotEndedException when it is still running after the wait's timeout
   */
  JobRecord await(long jobId, JobWait wait, JobWatcher watcher);

  /** Files and bytes a running job has moved so far, when the Director reports it. */
  Optional<JobProgress> progress(long jobId);

  /** One job from the catalog. */
  Optional<JobRecord> job(long jobId);

  /** The newest backup jobs, newest first, optionally of one Client. */
  List<JobRecord> backups(Optional<String> client, int limit);

  /** The Client's newest backup that ended well. */
  Optional<JobRecord> latestGoodBackup(String client);

  /** Each Client's newest backup, by Client name. */
  Map<String, JobRecord> lastBackups();

  /** Each Client's newest backup that ended well, by Client name. */
  Map<String, JobRecord> lastGoodBackups();

  /** Each Client's newest job of {@code type} that has ended, well or not, by Client name. */
  Map<String, JobRecord> lastEnded(JobType type);

  /** Each Client's newest good backup of each level. */
  List<JobRecord> lastGoodOfEachLevel();

  /** The name of every Client the catalog has a row for, in the order they were first seen. */
  List<String> catalogClients();

  /** The job's log lines, oldest first. */
  List<String> log(long jobId);

  /**
   * Rows of a catalog query, for reads no method above covers (volumes, paths, counts). {@code
   * query} is what follows {@code SELECT}; each row has {@code columns} fields. Values put into it
   * must already be checked: numbers, or names of Bacula's name characters.
   *
   * @throws DirectorAnswerException when the query failed or its answer cannot be read
   */
  List<List<String>> select(String query, int columns);

  /**
   * Closes a volume for writing ({@code volstatus=Used}), so new jobs start another one.
   *
   * @throws DirectorAnswerException when the Director did not
   */
  void markVolumeUsed(String volume);

  @Override
  void close();
}
