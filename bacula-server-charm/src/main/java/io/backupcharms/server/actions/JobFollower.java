package io.backupcharms.server.actions;

import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.JobNotEndedException;
import io.backupcharms.bacula.console.JobWait;
import io.backupcharms.bacula.console.JobWatcher;
import io.backupcharms.bacula.console.reply.JobProgress;
import io.backupcharms.bacula.console.reply.JobRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Follows a job for an action: logs its status and progress to the action's log, restarts the
 * daemons that died while it runs, and turns a wait that ran out into the action's failure.
 */
final class JobFollower {

  private static final Pattern PREFIX = Pattern.compile("^\\S+ JobId \\d+: ");

  private final Consumer<String> log;
  private final Supplier<List<String>> watchdog;
  private final JobWait wait;

  /**
   * @param watchdog restarts daemons that died, run at each progress report
   * @param wait how often to ask, report, and how long to wait at most
   */
  JobFollower(Consumer<String> log, Supplier<List<String>> watchdog, JobWait wait) {
    this.log = log;
    this.watchdog = watchdog;
    this.wait = wait;
  }

  /**
   * Waits for job {@code id} to end.
   *
   * @throws ActionFailedException when it is still running after the timeout
   */
  JobRecord await(Director director, long id) {
    try {
      return director.await(
          id,
          wait,
          new JobWatcher() {
            @Override
            public void statusChanged(JobRecord job) {
              log.accept("job " + id + " is " + JobResults.statusWord(job));
            }

            @Override
            public void stillRunning(JobRecord job, Optional<JobProgress> progress) {
              for (String unit : watchdog.get()) {
                log.accept("started " + unit + ", which had stopped while job " + id + " ran");
              }
              String word = JobResults.statusWord(job);
              log.accept(
                  progress
                      .map(
                          p ->
                              "job "
                                  + id
                                  + " is "
                                  + word
                                  + ": "
                                  + p.files()
                                  + " files, "
                                  + p.bytes()
                                  + " bytes so far")
                      .orElse("job " + id + " is still " + word));
            }
          });
    } catch (JobNotEndedException e) {
      if (e.isInterrupted()) {
        throw new ActionFailedException("interrupted while waiting for job " + id, Map.of());
      }
      throw new ActionFailedException(
          "job "
              + id
              + " has not ended after "
              + wait.timeout().toMinutes()
              + " minutes; it keeps running: follow it with list-backups",
          Map.of("job-id", Long.toString(id)));
    }
  }

  /**
   * Why a job failed, from its log: the errors and what the client's scripts printed, without the
   * Director's end-of-job report.
   */
  static String reason(List<String> log) {
    List<String> out = new ArrayList<>();
    for (String entry : log) {
      String line = PREFIX.matcher(entry.lines().findFirst().orElse("")).replaceFirst("").strip();
      if (line.startsWith("Error: Bacula ") || line.isEmpty()) {
        continue;
      }
      // BeforeJob: is what the Director's own scripts print, such as the free-space check.
      if (line.contains("Error")
          || line.contains("error")
          || line.startsWith("ClientBeforeJob:")
          || line.startsWith("ClientAfterJob:")
          || line.startsWith("BeforeJob:")
          || line.contains("cancel")) {
        if (!out.contains(line)) {
          out.add(line);
        }
      }
    }
    if (out.isEmpty()) {
      return "no error in the job log; see /var/log/bacula/bacula.log on the bacula-server unit";
    }
    String joined = String.join("; ", out);
    return joined.length() > 1500 ? joined.substring(0, 1500) + "..." : joined;
  }
}
