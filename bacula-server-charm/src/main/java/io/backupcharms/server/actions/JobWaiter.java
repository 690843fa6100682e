package io.backupcharms.server.actions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Polls the catalog until a job ends, reporting progress. Polling {@code .sql} every 250 ms is
 * what the Director answers fastest; its own {@code wait} adds most of a second per job.
 */
final class JobWaiter {

  private static final Pattern PREFIX = Pattern.compile("^\\S+ JobId \\d+: ");

  private final DirectorJobs director;
  private final Consumer<String> progress;
  private final Supplier<List<String>> watchdog;
  private final Duration poll;
  private final Duration report;
  private final Duration timeout;

  /**
   * @param watchdog restarts daemons that died, run at each progress report
   * @param poll how often the catalog is asked
   * @param report how often a running job's progress is logged
   * @param timeout how long to wait at most
   */
  JobWaiter(
      DirectorJobs director, Consumer<String> progress, Supplier<List<String>> watchdog,
      Duration poll, Duration report, Duration timeout) {
    this.director = director;
    this.progress = progress;
    this.watchdog = watchdog;
    this.poll = poll;
    this.report = report;
    this.timeout = timeout;
  }

  /**
   * Waits for job {@code id} to end.
   *
   * @throws ActionFailedException when it is still running after the timeout
   */
  JobRecord await(long id) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextReport = System.nanoTime() + report.toNanos();
    char last = 0;
    while (true) {
      JobRecord job = director.job(id).orElse(null);
      if (job != null) {
        if (job.isFinished()) {
          return job;
        }
        if (job.status() != last) {
          progress.accept("job " + id + " is " + job.statusWord());
          last = job.status();
          nextReport = System.nanoTime() + report.toNanos();
        } else if (System.nanoTime() > nextReport) {
          for (String unit : watchdog.get()) {
            progress.accept("started " + unit + ", which had stopped while job " + id + " ran");
          }
          progress.accept(
              director.progress(id)
                  .map(p -> "job " + id + " is " + job.statusWord() + ": " + p.files() + " files, "
                      + p.bytes() + " bytes so far")
                  .orElse("job " + id + " is still " + job.statusWord()));
          nextReport = System.nanoTime() + report.toNanos();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new ActionFailedException(
            "job " + id + " has not ended after " + timeout.toMinutes()
                + " minutes; it keeps running: follow it with list-backups",
            Map.of("job-id", Long.toString(id)));
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ActionFailedException("interrupted while waiting for job " + id, Map.of());
      }
    }
  }

  /**
   * Why a job failed, from its log: the errors and what the client's scripts printed, without
   * the Director's end-of-job report.
   */
  static String reason(List<String> log) {
    List<String> out = new ArrayList<>();
    for (String entry : log) {
      String line = PREFIX.matcher(entry.lines().findFirst().orElse("")).replaceFirst("").strip();
      if (line.startsWith("Error: Bacula ") || line.isEmpty()) {
        continue;
      }
      // BeforeJob: is what the Director's own scripts print, such as the free-space check.
      if (line.contains("Error") || line.contains("error") || line.startsWith("ClientBeforeJob:")
          || line.startsWith("ClientAfterJob:") || line.startsWith("BeforeJob:")
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
