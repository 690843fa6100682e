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
 */
public record RunRequest(String job, Level level, String client, String fileSet, String where,
        String storage, String pool) {
    public RunRequest {
        CommandArgs.name("job", job);
    }

    /** Run this Job as configured. */
    public static RunRequest of(String job) {
        return new RunRequest(job, null, null, null, null, null, null);
    }

    /** A copy at this level. */
    public RunRequest withLevel(Level l) {
        return new RunRequest(job, l, client, fileSet, where, storage, pool);
    }

    /** A copy for this Client. */
    public RunRequest withClient(String c) {
        return new RunRequest(job, level, c, fileSet, where, storage, pool);
    }

    /** A copy with this FileSet. */
    public RunRequest withFileSet(String f) {
        return new RunRequest(job, level, client, f, where, storage, pool);
    }

    /** A copy with this restore prefix. */
    public RunRequest withWhere(String w) {
        return new RunRequest(job, level, client, fileSet, w, storage, pool);
    }

    String toCommand() {
        StringBuilder b = new StringBuilder("run").append(CommandArgs.name("job", job));
        if (level != null) {
            b.append(" level=").append(level.baculaName());
        }
        b.append(CommandArgs.optionalName("client", client)).append(CommandArgs.optionalName("fileset", fileSet))
                .append(CommandArgs.optionalName("storage", storage)).append(CommandArgs.optionalName("pool", pool))
                .append(CommandArgs.optionalPath("where", where));
        return b.append(" yes").toString();
    }
}
