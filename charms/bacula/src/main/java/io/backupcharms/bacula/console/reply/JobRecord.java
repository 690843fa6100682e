package io.backupcharms.bacula.console.reply;

import java.time.LocalDateTime;

/**
 * A job as the catalog records it ({@code llist jobid=N} / {@code llist jobs}).
 *
 * @param jobId the JobId
 * @param job the unique job name (name plus date)
 * @param name the Job resource name
 * @param type the type letter: B backup, R restore, V verify...
 * @param level the level letter: F, I, D, or blank
 * @param client the Client name
 * @param status the status
 * @param files JobFiles
 * @param bytes JobBytes
 * @param errors JobErrors
 * @param fileSet the FileSet name, or "" when none
 * @param startTime StartTime, or null before the job started
 * @param endTime EndTime, or null before it ended
 */
public record JobRecord(long jobId, String job, String name, String type, String level, String client,
        JobStatus status, long files, long bytes, long errors, String fileSet, LocalDateTime startTime,
        LocalDateTime endTime) {}
