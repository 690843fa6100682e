/**
 * A native client for the Bacula Director console protocol (framing, signals, CRAM-MD5 with Bacula
 * base64, optional TLS, API mode). Public entry point: {@link
 * io.backupcharms.bacula.console.DirectorConsole} with {@link
 * io.backupcharms.bacula.console.ConsoleSettings}. Jobs go through {@link
 * io.backupcharms.bacula.console.Director} ({@link io.backupcharms.bacula.console.NativeDirector}
 * over the client): typed requests {@link io.backupcharms.bacula.console.RunRequest} and {@link
 * io.backupcharms.bacula.console.RestoreRequest}, waits, and catalog listings as {@link
 * io.backupcharms.bacula.console.reply.JobRecord}. The same protocol code serves {@link
 * io.backupcharms.bacula.console.FileDaemonStatusClient}, which asks a File Daemon for its finished
 * jobs as a status-only Director entry.
 */
package io.backupcharms.bacula.console;
