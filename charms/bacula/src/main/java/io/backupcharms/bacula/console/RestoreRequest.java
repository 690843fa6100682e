package io.backupcharms.bacula.console;

import io.backupcharms.bacula.config.Replace;

/**
 * What to restore: everything from one backup job, or the latest backups of a client.
 *
 * @param client the Client whose backup is restored
 * @param jobId the backup JobId, or null for the most recent (Full plus later Incrementals)
 * @param fileSet the FileSet, required with {@code jobId == null}
 * @param restoreJob the Restore Job to use, or null when the Director has only one
 * @param where the prefix to restore under; {@code /} restores in place; null keeps the Job's
 * @param replace what to do with existing files, or null for the Job's setting
 * @param restoreClient the Client to restore to, or null for {@code client}
 */
public record RestoreRequest(String client, Long jobId, String fileSet, String restoreJob, String where,
        Replace replace, String restoreClient) {
    public RestoreRequest {
        CommandArgs.name("client", client);
        if (jobId == null && fileSet == null) {
            throw new ConsoleException("restore of the latest backup of client \"" + client
                    + "\" needs its FileSet name");
        }
        if (jobId != null && jobId < 1) {
            throw new ConsoleException("restore: JobId " + jobId + " is not valid");
        }
    }

    /** Restore the latest backup of {@code client} made with {@code fileSet}. */
    public static RestoreRequest latest(String client, String fileSet) {
        return new RestoreRequest(client, null, fileSet, null, null, null, null);
    }

    /** Restore everything backup job {@code jobId} of {@code client} saved. */
    public static RestoreRequest ofJob(long jobId, String client) {
        return new RestoreRequest(client, jobId, null, null, null, null, null);
    }

    /** A copy restoring under {@code prefix} ({@code /} = in place). */
    public RestoreRequest withWhere(String prefix) {
        return new RestoreRequest(client, jobId, fileSet, restoreJob, prefix, replace, restoreClient);
    }

    /** A copy with a replace policy. */
    public RestoreRequest withReplace(Replace r) {
        return new RestoreRequest(client, jobId, fileSet, restoreJob, where, r, restoreClient);
    }

    /** A copy naming the Restore Job (needed when the Director has several). */
    public RestoreRequest withRestoreJob(String job) {
        return new RestoreRequest(client, jobId, fileSet, job, where, replace, restoreClient);
    }

    /** A copy restoring to another Client. */
    public RestoreRequest withRestoreClient(String c) {
        return new RestoreRequest(client, jobId, fileSet, restoreJob, where, replace, c);
    }

    String toCommand() {
        StringBuilder b = new StringBuilder("restore");
        if (jobId != null) {
            b.append(" jobid=").append(jobId);
        }
        b.append(CommandArgs.name("client", client)).append(CommandArgs.optionalName("fileset", fileSet))
                .append(CommandArgs.optionalName("restorejob", restoreJob))
                .append(CommandArgs.optionalName("restoreclient", restoreClient))
                .append(CommandArgs.optionalPath("where", where));
        if (replace != null) {
            b.append(" replace=").append(replace.baculaName());
        }
        if (jobId == null) {
            b.append(" select current");
        }
        return b.append(" all done yes").toString();
    }
}
