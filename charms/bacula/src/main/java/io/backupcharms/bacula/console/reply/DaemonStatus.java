package io.backupcharms.bacula.console.reply;

/**
 * The header of {@code status client=X} or {@code status storage=X}.
 *
 * @param name the daemon's name
 * @param version its Bacula version
 * @param jobsRun jobs run since it started
 * @param jobsRunning jobs running now
 * @param text the whole status text
 */
public record DaemonStatus(
    String name, String version, int jobsRun, int jobsRunning, String text) {}
