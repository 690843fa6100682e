package io.backupcharms.bacula.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Job (or, wrapped in {@link JobDefs}, a template for Jobs). Null fields are left out of the
 * file, so Bacula's default or the JobDefs' value applies.
 *
 * @param name the Job name, e.g. {@code myapp-0-backup}
 * @param type Backup, Restore, Verify or Admin
 * @param level the default level, or null
 * @param jobDefs the JobDefs to inherit from, or null
 * @param client the Client name, or null
 * @param fileSet the FileSet name, or null
 * @param schedule the Schedule name, or null for manual runs only
 * @param storage the Storage name, or null
 * @param pool the Pool name, or null
 * @param messages the Messages name, or null
 * @param where restore prefix (Restore jobs), or null
 * @param replace restore replace policy (Restore jobs), or null
 * @param accurate Accurate mode; true for backups so restores reproduce the tree, deletions included
 * @param priority Priority (lower runs first), or null
 * @param maximumConcurrentJobs how many instances of this Job may run at once, or null
 * @param writeBootstrap Write Bootstrap file path, or null
 * @param maxWaitTime Max Wait Time: how long the job may wait for a resource (a volume, a
 *     daemon, a free slot) before the Director cancels it, or null for no limit
 * @param verifyJob Verify Job (Verify jobs): the backup Job whose newest good run a scheduled
 *     verify reads back, or null
 * @param runScripts RunScript blocks, in order
 */
public record Job(
        String name,
        JobType type,
        Level level,
        String jobDefs,
        String client,
        String fileSet,
        String schedule,
        String storage,
        String pool,
        String messages,
        String where,
        Replace replace,
        Boolean accurate,
        Integer priority,
        Integer maximumConcurrentJobs,
        String writeBootstrap,
        Duration maxWaitTime,
        String verifyJob,
        List<RunScript> runScripts) {
    public Job {
        String r = "Job \"" + name + "\"";
        Check.name("Job", "Name", name);
        Check.present(r, "Type", type);
        Check.optionalName(r, "JobDefs", jobDefs);
        Check.optionalName(r, "Client", client);
        Check.optionalName(r, "FileSet", fileSet);
        Check.optionalName(r, "Schedule", schedule);
        Check.optionalName(r, "Storage", storage);
        Check.optionalName(r, "Pool", pool);
        Check.optionalName(r, "Messages", messages);
        Check.optionalDirectory(r, "Where", where);
        Check.optionalPositive(r, "Priority", priority);
        Check.optionalPositive(r, "Maximum Concurrent Jobs", maximumConcurrentJobs);
        Check.optionalDirectory(r, "Write Bootstrap", writeBootstrap);
        Check.optionalName(r, "Verify Job", verifyJob);
        if (maxWaitTime != null && (maxWaitTime.isNegative() || maxWaitTime.isZero())) {
            throw new InvalidConfigException(r + ": Max Wait Time must be positive, got " + maxWaitTime);
        }
        runScripts = Check.list(r, "RunScript", runScripts);
    }

    /**
     * A backup Job: Incremental by default (Bacula upgrades the first run to Full), Accurate on,
     * so that a restore reproduces the tree including deletions.
     */
    public static Job backup(String name, String client, String fileSet, String storage, String pool,
            String messages) {
        return new Job(name, JobType.BACKUP, Level.INCREMENTAL, null, client, fileSet, null, storage,
                pool, messages, null, null, true, null, null, null, null, null, List.of());
    }

    /** A restore Job restoring under {@code where} and replacing existing files. */
    public static Job restore(String name, String client, String fileSet, String storage, String pool,
            String messages, String where) {
        return new Job(name, JobType.RESTORE, null, null, client, fileSet, null, storage, pool,
                messages, where, Replace.ALWAYS, null, null, null, null, null, null, List.of());
    }

    /** A verify Job at the given verify level. */
    public static Job verify(String name, Level level, String client, String fileSet, String storage,
            String pool, String messages) {
        return new Job(name, JobType.VERIFY, level, null, client, fileSet, null, storage, pool,
                messages, null, null, null, null, null, null, null, null, List.of());
    }

    /** A Job that takes everything else from a JobDefs. */
    public static Job fromDefs(String name, JobType type, String jobDefs) {
        return new Job(name, type, null, jobDefs, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of());
    }

    /** A copy with another default level. */
    public Job withLevel(Level l) {
        return new Job(name, type, l, jobDefs, client, fileSet, schedule, storage, pool, messages,
                where, replace, accurate, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy inheriting from a JobDefs. */
    public Job withJobDefs(String defs) {
        return new Job(name, type, level, defs, client, fileSet, schedule, storage, pool, messages,
                where, replace, accurate, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with another Client. */
    public Job withClient(String c) {
        return new Job(name, type, level, jobDefs, c, fileSet, schedule, storage, pool, messages,
                where, replace, accurate, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with another FileSet. */
    public Job withFileSet(String f) {
        return new Job(name, type, level, jobDefs, client, f, schedule, storage, pool, messages,
                where, replace, accurate, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with a Schedule (null: manual runs only). */
    public Job withSchedule(String s) {
        return new Job(name, type, level, jobDefs, client, fileSet, s, storage, pool, messages,
                where, replace, accurate, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with another restore prefix. */
    public Job withWhere(String w) {
        return new Job(name, type, level, jobDefs, client, fileSet, schedule, storage, pool, messages,
                w, replace, accurate, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with another replace policy. */
    public Job withReplace(Replace r) {
        return new Job(name, type, level, jobDefs, client, fileSet, schedule, storage, pool, messages,
                where, r, accurate, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with Accurate mode set. */
    public Job withAccurate(Boolean a) {
        return new Job(name, type, level, jobDefs, client, fileSet, schedule, storage, pool, messages,
                where, replace, a, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with another Priority. */
    public Job withPriority(Integer p) {
        return new Job(name, type, level, jobDefs, client, fileSet, schedule, storage, pool, messages,
                where, replace, accurate, p, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with another Maximum Concurrent Jobs. */
    public Job withMaximumConcurrentJobs(Integer m) {
        return new Job(name, type, level, jobDefs, client, fileSet, schedule, storage, pool, messages,
                where, replace, accurate, priority, m, writeBootstrap, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with a Write Bootstrap file. */
    public Job withWriteBootstrap(String path) {
        return new Job(name, type, level, jobDefs, client, fileSet, schedule, storage, pool, messages,
                where, replace, accurate, priority, maximumConcurrentJobs, path, maxWaitTime, verifyJob, runScripts);
    }

    /** A copy with a Max Wait Time (null: no limit). */
    public Job withMaxWaitTime(Duration wait) {
        return new Job(name, type, level, jobDefs, client, fileSet, schedule, storage, pool, messages,
                where, replace, accurate, priority, maximumConcurrentJobs, writeBootstrap, wait, verifyJob, runScripts);
    }

    /** A copy with these RunScript blocks instead of the current ones. */
    public Job withRunScripts(List<RunScript> scripts) {
        return new Job(name, type, level, jobDefs, client, fileSet, schedule, storage, pool, messages,
                where, replace, accurate, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, verifyJob, scripts);
    }

    /** A copy with one more RunScript block. */
    public Job withRunScript(RunScript script) {
        List<RunScript> all = new ArrayList<>(runScripts);
        all.add(script);
        return withRunScripts(all);
    }

    /** A copy with a Verify Job: the backup Job a scheduled verify reads back. */
    public Job withVerifyJob(String job) {
        return new Job(name, type, level, jobDefs, client, fileSet, schedule, storage, pool, messages,
                where, replace, accurate, priority, maximumConcurrentJobs, writeBootstrap, maxWaitTime, job,
                runScripts);
    }
}
