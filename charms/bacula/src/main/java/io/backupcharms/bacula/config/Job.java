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
 * @param accurate Accurate mode; true for backups so restores reproduce the tree, deletions
 *     included
 * @param priority Priority (lower runs first), or null
 * @param maximumConcurrentJobs how many instances of this Job may run at once, or null
 * @param writeBootstrap Write Bootstrap file path, or null
 * @param maxWaitTime Max Wait Time: how long the job may wait for a resource (a volume, a daemon, a
 *     free slot) before the Director cancels it, or null for no limit
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

  /** A builder for a Job of {@code type} named {@code name}; every other field starts unset. */
  public static Builder builder(String name, JobType type) {
    return new Builder(name, type);
  }

  /** A builder holding this Job's fields, for a copy that differs in some. */
  public Builder toBuilder() {
    Builder b = new Builder(name, type);
    b.level = level;
    b.jobDefs = jobDefs;
    b.client = client;
    b.fileSet = fileSet;
    b.schedule = schedule;
    b.storage = storage;
    b.pool = pool;
    b.messages = messages;
    b.where = where;
    b.replace = replace;
    b.accurate = accurate;
    b.priority = priority;
    b.maximumConcurrentJobs = maximumConcurrentJobs;
    b.writeBootstrap = writeBootstrap;
    b.maxWaitTime = maxWaitTime;
    b.verifyJob = verifyJob;
    b.runScripts = runScripts;
    return b;
  }

  /**
   * A backup Job: Incremental by default (Bacula upgrades the first run to Full), Accurate on, so
   * that a restore reproduces the tree including deletions.
   */
  public static Job backup(
      String name, String client, String fileSet, String storage, String pool, String messages) {
    return builder(name, JobType.BACKUP)
        .level(Level.INCREMENTAL)
        .client(client)
        .fileSet(fileSet)
        .storage(storage)
        .pool(pool)
        .messages(messages)
        .accurate(true)
        .build();
  }

  /** A restore Job restoring under {@code where} and replacing existing files. */
  public static Job restore(
      String name,
      String client,
      String fileSet,
      String storage,
      String pool,
      String messages,
      String where) {
    return builder(name, JobType.RESTORE)
        .client(client)
        .fileSet(fileSet)
        .storage(storage)
        .pool(pool)
        .messages(messages)
        .where(where)
        .replace(Replace.ALWAYS)
        .build();
  }

  /** A verify Job at the given verify level. */
  public static Job verify(
      String name,
      Level level,
      String client,
      String fileSet,
      String storage,
      String pool,
      String messages) {
    return builder(name, JobType.VERIFY)
        .level(level)
        .client(client)
        .fileSet(fileSet)
        .storage(storage)
        .pool(pool)
        .messages(messages)
        .build();
  }

  /** A Job that takes everything else from a JobDefs. */
  public static Job fromDefs(String name, JobType type, String jobDefs) {
    return builder(name, type).jobDefs(jobDefs).build();
  }

  /** A copy with another default level. */
  public Job withLevel(Level l) {
    return toBuilder().level(l).build();
  }

  /** A copy inheriting from a JobDefs. */
  public Job withJobDefs(String defs) {
    return toBuilder().jobDefs(defs).build();
  }

  /** A copy with another Client. */
  public Job withClient(String c) {
    return toBuilder().client(c).build();
  }

  /** A copy with another FileSet. */
  public Job withFileSet(String f) {
    return toBuilder().fileSet(f).build();
  }

  /** A copy with a Schedule (null: manual runs only). */
  public Job withSchedule(String s) {
    return toBuilder().schedule(s).build();
  }

  /** A copy with another restore prefix. */
  public Job withWhere(String w) {
    return toBuilder().where(w).build();
  }

  /** A copy with another replace policy. */
  public Job withReplace(Replace r) {
    return toBuilder().replace(r).build();
  }

  /** A copy with Accurate mode set. */
  public Job withAccurate(Boolean a) {
    return toBuilder().accurate(a).build();
  }

  /** A copy with another Priority. */
  public Job withPriority(Integer p) {
    return toBuilder().priority(p).build();
  }

  /** A copy with another Maximum Concurrent Jobs. */
  public Job withMaximumConcurrentJobs(Integer m) {
    return toBuilder().maximumConcurrentJobs(m).build();
  }

  /** A copy with a Write Bootstrap file. */
  public Job withWriteBootstrap(String path) {
    return toBuilder().writeBootstrap(path).build();
  }

  /** A copy with a Max Wait Time (null: no limit). */
  public Job withMaxWaitTime(Duration wait) {
    return toBuilder().maxWaitTime(wait).build();
  }

  /** A copy with these RunScript blocks instead of the current ones. */
  public Job withRunScripts(List<RunScript> scripts) {
    return toBuilder().runScripts(scripts).build();
  }

  /** A copy with one more RunScript block. */
  public Job withRunScript(RunScript script) {
    List<RunScript> all = new ArrayList<>(runScripts);
    all.add(script);
    return withRunScripts(all);
  }

  /** A copy with a Verify Job: the backup Job a scheduled verify reads back. */
  public Job withVerifyJob(String job) {
    return toBuilder().verifyJob(job).build();
  }

  /**
   * Builds a {@link Job} by named fields, so that a Job with three settings names three, and a new
   * field does not shift every caller's arguments. Unset fields stay null (left out of the file);
   * {@link #build()} runs the record's checks.
   */
  public static final class Builder {
    private final String name;
    private final JobType type;
    private Level level;
    private String jobDefs;
    private String client;
    private String fileSet;
    private String schedule;
    private String storage;
    private String pool;
    private String messages;
    private String where;
    private Replace replace;
    private Boolean accurate;
    private Integer priority;
    private Integer maximumConcurrentJobs;
    private String writeBootstrap;
    private Duration maxWaitTime;
    private String verifyJob;
    private List<RunScript> runScripts = List.of();

    private Builder(String name, JobType type) {
      this.name = name;
      this.type = type;
    }

    /** Sets level; see {@link Job}. */
    public Builder level(Level value) {
      this.level = value;
      return this;
    }

    /** Sets jobDefs; see {@link Job}. */
    public Builder jobDefs(String value) {
      this.jobDefs = value;
      return this;
    }

    /** Sets client; see {@link Job}. */
    public Builder client(String value) {
      this.client = value;
      return this;
    }

    /** Sets fileSet; see {@link Job}. */
    public Builder fileSet(String value) {
      this.fileSet = value;
      return this;
    }

    /** Sets schedule; see {@link Job}. */
    public Builder schedule(String value) {
      this.schedule = value;
      return this;
    }

    /** Sets storage; see {@link Job}. */
    public Builder storage(String value) {
      this.storage = value;
      return this;
    }

    /** Sets pool; see {@link Job}. */
    public Builder pool(String value) {
      this.pool = value;
      return this;
    }

    /** Sets messages; see {@link Job}. */
    public Builder messages(String value) {
      this.messages = value;
      return this;
    }

    /** Sets where; see {@link Job}. */
    public Builder where(String value) {
      this.where = value;
      return this;
    }

    /** Sets replace; see {@link Job}. */
    public Builder replace(Replace value) {
      this.replace = value;
      return this;
    }

    /** Sets accurate; see {@link Job}. */
    public Builder accurate(Boolean value) {
      this.accurate = value;
      return this;
    }

    /** Sets priority; see {@link Job}. */
    public Builder priority(Integer value) {
      this.priority = value;
      return this;
    }

    /** Sets maximumConcurrentJobs; see {@link Job}. */
    public Builder maximumConcurrentJobs(Integer value) {
      this.maximumConcurrentJobs = value;
      return this;
    }

    /** Sets writeBootstrap; see {@link Job}. */
    public Builder writeBootstrap(String value) {
      this.writeBootstrap = value;
      return this;
    }

    /** Sets maxWaitTime; see {@link Job}. */
    public Builder maxWaitTime(Duration value) {
      this.maxWaitTime = value;
      return this;
    }

    /** Sets verifyJob; see {@link Job}. */
    public Builder verifyJob(String value) {
      this.verifyJob = value;
      return this;
    }

    /** Sets runScripts; see {@link Job}. */
    public Builder runScripts(List<RunScript> value) {
      this.runScripts = value;
      return this;
    }

    /**
     * The Job.
     *
     * @throws InvalidConfigException when a field breaks Bacula's rules
     */
    public Job build() {
      return new Job(
          name,
          type,
          level,
          jobDefs,
          client,
          fileSet,
          schedule,
          storage,
          pool,
          messages,
          where,
          replace,
          accurate,
          priority,
          maximumConcurrentJobs,
          writeBootstrap,
          maxWaitTime,
          verifyJob,
          runScripts);
    }
  }
}
