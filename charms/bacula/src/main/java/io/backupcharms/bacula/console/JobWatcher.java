package io.backupcharms.bacula.console;

import io.backupcharms.bacula.console.reply.JobProgress;
import io.backupcharms.bacula.console.reply.JobRecord;
import java.util.Optional;

/** What {@link Director#await} tells its caller about a job that has not ended yet. */
public interface JobWatcher {
  /** Hears nothing. */
  JobWatcher NONE =
      new JobWatcher() {
        @Override
        public void statusChanged(JobRecord job) {}

        @Override
        public void stillRunning(JobRecord job, Optional<JobProgress> progress) {}
      };

  /** The job was seen with a status for the first time. */
  void statusChanged(JobRecord job);

  /**
   * The job kept its status for one report interval.
   *
   * @param progress files and bytes moved so far, when the Director reports them
   */
  void stillRunning(JobRecord job, Optional<JobProgress> progress);
}
