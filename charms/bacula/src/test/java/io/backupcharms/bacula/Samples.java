package io.backupcharms.bacula;

import io.backupcharms.bacula.config.Catalog;
import io.backupcharms.bacula.config.Client;
import io.backupcharms.bacula.config.Console;
import io.backupcharms.bacula.config.Device;
import io.backupcharms.bacula.config.Director;
import io.backupcharms.bacula.config.DirectorAccess;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.FileDaemon;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.FileSet;
import io.backupcharms.bacula.config.FileSetOptions;
import io.backupcharms.bacula.config.Job;
import io.backupcharms.bacula.config.JobDefs;
import io.backupcharms.bacula.config.JobType;
import io.backupcharms.bacula.config.Level;
import io.backupcharms.bacula.config.Messages;
import io.backupcharms.bacula.config.Pool;
import io.backupcharms.bacula.config.RunScript;
import io.backupcharms.bacula.config.Schedule;
import io.backupcharms.bacula.config.Storage;
import io.backupcharms.bacula.config.StorageDaemon;
import io.backupcharms.bacula.config.StorageDaemonConfig;
import io.backupcharms.bacula.config.Tls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Complete, consistent configurations for the three daemons, rooted in one directory. */
public record Samples(Path dir, String address, int dirPort, int fdPort, int sdPort, Tls tls) {
  /** Samples without TLS. */
  public Samples(Path dir, String address, int dirPort, int fdPort, int sdPort) {
    this(dir, address, dirPort, fdPort, sdPort, null);
  }

  public static final String DIRECTOR = "test-dir";
  public static final String CONSOLE_PASSWORD = "console \"pw\" \\ ok";
  public static final String CLIENT = "test-fd";
  public static final String CLIENT_PASSWORD = "fd-pw";
  public static final String SD_PASSWORD = "sd-pw";
  public static final String STORAGE = "File1";
  public static final String DEVICE = "FileDev";

  public String work() {
    return dir.resolve("work").toString();
  }

  public Director director() {
    return Director.of(DIRECTOR, address, dirPort, CONSOLE_PASSWORD, "Daemon")
        .withWorkingDirectory(work())
        .withPidDirectory(work())
        .withTls(tls);
  }

  /** Director with a client, its FileSet, backup and restore Jobs. */
  public DirectorConfig directorConfig(List<String> includes) {
    return DirectorConfig.of(
            director(),
            Catalog.sqlite("MyCatalog", "bacula"),
            Messages.standard("Daemon", dir.resolve("log/director.log").toString()))
        .withMessages(Messages.standard("Standard", dir.resolve("log/jobs.log").toString()))
        .withStorage(new Storage(STORAGE, address, sdPort, SD_PASSWORD, DEVICE, "File", 10, tls))
        .withPool(
            Pool.of("Default", "Vol-", Duration.ofDays(365)).withMaximumVolumeBytes(1_000_000_000L))
        .withSchedule(
            Schedule.parse(
                "Nightly", List.of("Level=Full sun at 23:05", "Incremental mon-sat at 23:05")))
        .withJobDefs(
            new JobDefs(
                Job.backup("DefaultBackup", null, null, STORAGE, "Default", "Standard")
                    .withPriority(10)))
        .withClient(client(CLIENT, address, fdPort).withTls(tls))
        .withFileSet(
            new FileSet(
                CLIENT + "-fileset",
                includes,
                List.of(),
                FileSetOptions.defaults().withOneFs(false)))
        .withJob(
            Job.fromDefs(CLIENT + "-backup", JobType.BACKUP, "DefaultBackup")
                .withClient(CLIENT)
                .withFileSet(CLIENT + "-fileset")
                .withLevel(Level.INCREMENTAL)
                .withAccurate(true)
                .withMaximumConcurrentJobs(2))
        .withJob(
            Job.restore(
                CLIENT + "-restore",
                CLIENT,
                CLIENT + "-fileset",
                STORAGE,
                "Default",
                "Standard",
                dir.resolve("restores").toString()))
        .withConsole(
            Console.of("ops", "ops-pw")
                .withAcl(Console.Acl.JOB, List.of("*all*"))
                .withAcl(Console.Acl.CLIENT, List.of("*all*"))
                .withAcl(
                    Console.Acl.COMMAND, List.of("run", "status", ".jobs", "messages", "version")));
  }

  public static Client client(String name, String address, int port) {
    return Client.of(name, address, port, CLIENT_PASSWORD, "MyCatalog");
  }

  /** A backup job for {@code client} with before and after scripts. */
  public static Job scriptedJob(
      String name, String client, String fileSet, String before, String after) {
    return Job.backup(name, client, fileSet, STORAGE, "Default", "Standard")
        .withRunScript(RunScript.before(before, true))
        .withRunScript(RunScript.after(after, true));
  }

  public FileDaemonConfig fileDaemonConfig() {
    return new FileDaemonConfig(
        FileDaemon.of(CLIENT, address, fdPort).withDirectories(work(), work()).withTls(tls),
        List.of(DirectorAccess.of(DIRECTOR, CLIENT_PASSWORD).withTls(tls)),
        Messages.toDirector("Standard", DIRECTOR));
  }

  public StorageDaemonConfig storageDaemonConfig() {
    return new StorageDaemonConfig(
        StorageDaemon.of("test-sd", address, sdPort).withDirectories(work(), work()).withTls(tls),
        List.of(DirectorAccess.of(DIRECTOR, SD_PASSWORD).withTls(tls)),
        List.of(Device.file(DEVICE, "File", dir.resolve("volumes").toString())),
        Messages.toDirector("Standard", DIRECTOR));
  }
}
