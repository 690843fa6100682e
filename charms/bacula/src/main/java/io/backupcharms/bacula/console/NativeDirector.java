package io.backupcharms.bacula.console;

import io.backupcharms.bacula.config.JobType;
import io.backupcharms.bacula.console.reply.JobProgress;
import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.bacula.console.reply.Replies;
import io.backupcharms.bacula.console.reply.ReplyFormatException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@link Director} over the native console client. Catalog reads go through {@code .sql} ({@link
 * CatalogRows}), because {@code llist} prints every field of every job and the Director answers a
 * small query fastest. Names put into queries are checked against Bacula's name characters.
 */
public final class NativeDirector implements Director {
  private static final Pattern JOB_IDS =
      Pattern.compile("^(\\d+(?:,\\d+)*)\\s*$", Pattern.MULTILINE);
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:-]{1,127}");
  private static final String GOOD = "('T', 'W')";

  private final DirectorConsole console;

  /** Works through {@code console}, which {@link #close()} closes. */
  public NativeDirector(DirectorConsole console) {
    this.console = console;
  }

  /**
   * Connects and logs in.
   *
   * @throws DirectorUnreachableException when nothing answers at the address
   * @throws AuthenticationFailedException when the password is refused
   */
  public static NativeDirector connect(ConsoleSettings settings) {
    return new NativeDirector(DirectorConsole.connect(settings));
  }

  @Override
  public long run(RunRequest request) {
    return queued(console.command(request.toCommand()), "run " + request.job());
  }

  @Override
  public long restore(RestoreRequest request) {
    Duration slow = console.readTimeout().multipliedBy(4);
    String answer;
    if (request.selection() == null) {
      answer = console.command(request.toCommand(), slow);
    } else {
      String table = "b2" + ProcessHandle.current().pid() + System.nanoTime() % 1_000_000;
      try {
        console.command(".bvfs_update jobid=" + request.jobList());
        String built =
            console.command(
                ".bvfs_restore path="
                    + table
                    + " jobid="
                    + request.jobList()
                    + ids(" fileid=", request.selection().fileIds())
                    + ids(" dirid=", request.selection().directoryIds()));
        if (!built.contains("OK")) {
          throw new DirectorAnswerException(
              "the Director could not select the paths to restore: "
                  + DirectorAnswerException.oneLine(built));
        }
        answer = console.command(request.toCommand(table), slow);
      } finally {
        try {
          console.command(".bvfs_cleanup path=" + table);
        } catch (RuntimeException e) {
          // A table left behind only takes catalog space; the restore's own outcome matters more.
        }
      }
    }
    if (answer.contains("No files selected to be restored")) {
      throw new DirectorAnswerException(
          "backup " + request.jobList() + " of " + request.client() + " has no files to restore");
    }
    return queued(answer, "restore");
  }

  @Override
  public List<Long> restoreChain(long jobId) {
    String answer = console.command(".bvfs_get_jobids jobid=" + jobId);
    Matcher m = JOB_IDS.matcher(answer);
    if (!m.find()) {
      throw new DirectorAnswerException(
          "the Director found no backups to restore for job "
              + jobId
              + ": "
              + DirectorAnswerException.oneLine(answer));
    }
    List<Long> ids = new ArrayList<>();
    for (String id : m.group(1).split(",")) {
      ids.add(Long.parseLong(id));
    }
    return ids;
  }

  @Override
  public JobRecord await(long jobId, JobWait wait, JobWatcher watcher) {
    long deadline = System.nanoTime() + wait.timeout().toNanos();
    long nextReport = System.nanoTime() + wait.report().toNanos();
    JobRecord last = null;
    while (true) {
      Optional<JobRecord> now = job(jobId);
      if (now.isPresent()) {
        JobRecord job = now.get();
        if (job.status().isTerminal()) {
          return job;
        }
        if (last == null || job.status() != last.status()) {
          watcher.statusChanged(job);
          last = job;
          nextReport = System.nanoTime() + wait.report().toNanos();
        } else if (System.nanoTime() > nextReport) {
          watcher.stillRunning(job, progress(jobId));
          nextReport = System.nanoTime() + wait.report().toNanos();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new JobNotEndedException(jobId, wait.timeout(), null);
      }
      try {
        Thread.sleep(wait.poll().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new JobNotEndedException(jobId, wait.timeout(), e);
      }
    }
  }

  @Override
  public Optional<JobProgress> progress(long jobId) {
    try {
      return console.runningJobs().stream().filter(p -> p.jobId() == jobId).findFirst();
    } catch (ReplyFormatException e) {
      // Progress is a courtesy: an answer we cannot read must not fail the wait.
      return Optional.empty();
    }
  }

  @Override
  public Optional<JobRecord> job(long jobId) {
    return jobs(" WHERE j.JobId = " + jobId).stream().findFirst();
  }

  @Override
  public List<JobRecord> backups(Optional<String> client, int limit) {
    return jobs(
        " WHERE j.Type = 'B'"
            + client.map(c -> " AND c.Name = '" + safe(c) + "'").orElse("")
            + " ORDER BY j.JobId DESC LIMIT "
            + limit);
  }

  @Override
  public Optional<JobRecord> latestGoodBackup(String client) {
    return jobs(
            " WHERE j.Type = 'B' AND j.JobStatus IN "
                + GOOD
                + " AND c.Name = '"
                + safe(client)
                + "' ORDER BY j.JobId DESC LIMIT 1")
        .stream()
        .findFirst();
  }

  @Override
  public Map<String, JobRecord> lastBackups() {
    return byClient(
        " WHERE j.JobId IN (SELECT MAX(JobId) FROM Job WHERE Type = 'B' GROUP BY ClientId)");
  }

  @Override
  public Map<String, JobRecord> lastGoodBackups() {
    return byClient(
        " WHERE j.JobId IN (SELECT MAX(JobId) FROM Job WHERE Type = 'B' AND JobStatus IN "
            + GOOD
            + " GROUP BY ClientId)");
  }

  @Override
  public Map<String, JobRecord> lastEnded(JobType type) {
    return byClient(
        " WHERE j.JobId IN (SELECT MAX(JobId) FROM Job WHERE Type = '"
            + type.letter()
            + "' AND EndTime IS NOT NULL AND JobStatus IN ('T', 'W', 'E', 'e', 'f', 'A') GROUP BY"
            + " ClientId)");
  }

  @Override
  public List<JobRecord> lastGoodOfEachLevel() {
    return jobs(
        " WHERE j.JobId IN (SELECT MAX(JobId) FROM Job WHERE Type = 'B' AND JobStatus IN "
            + GOOD
            + " GROUP BY ClientId, Level)");
  }

  @Override
  public List<String> catalogClients() {
    return select("Name FROM Client ORDER BY ClientId", 1).stream().map(r -> r.get(0)).toList();
  }

  @Override
  public List<String> log(long jobId) {
    return select("LogText FROM Log WHERE JobId = " + jobId + " ORDER BY LogId", 1).stream()
        .map(r -> r.get(0).strip())
        .toList();
  }

  @Override
  public List<List<String>> select(String query, int columns) {
    return CatalogRows.parse(console.command(CatalogRows.command(query)), columns);
  }

  @Override
  public void markVolumeUsed(String volume) {
    String answer = console.command("update volume=" + safe(volume) + " volstatus=Used");
    if (!answer.contains("New Volume status is: Used")) {
      throw new DirectorAnswerException(
          "the Director did not close volume "
              + volume
              + ": "
              + DirectorAnswerException.oneLine(answer));
    }
  }

  @Override
  public void close() {
    console.close();
  }

  private List<JobRecord> jobs(String condition) {
    return select(CatalogRows.JOB_COLUMNS + condition, CatalogRows.JOB_FIELDS).stream()
        .map(CatalogRows::job)
        .toList();
  }

  private Map<String, JobRecord> byClient(String condition) {
    Map<String, JobRecord> out = new LinkedHashMap<>();
    for (JobRecord r : jobs(condition)) {
      out.put(r.client(), r);
    }
    return out;
  }

  private static long queued(String answer, String what) {
    try {
      return Replies.queuedJobId(answer);
    } catch (ReplyFormatException e) {
      throw new DirectorAnswerException(
          "the Director did not start " + what + ": " + DirectorAnswerException.oneLine(answer));
    }
  }

  private static String ids(String key, List<Long> ids) {
    return ids.isEmpty()
        ? ""
        : key + ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static String safe(String value) {
    if (!SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a Bacula name: " + value);
    }
    return value;
  }
}
