package io.backupcharms.bacula.console.reply;

/**
 * A running job's progress, from {@code .status dir running}.
 *
 * @param jobId the JobId
 * @param name the Job resource name
 * @param client the Client name
 * @param status the status
 * @param files files processed so far
 * @param bytes bytes processed so far
 */
public record JobProgress(
    long jobId, String name, String client, JobStatus status, long files, long bytes) {}
