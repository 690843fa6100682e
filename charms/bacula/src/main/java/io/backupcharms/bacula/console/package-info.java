/**
 * A native client for the Bacula Director console protocol (framing, signals, CRAM-MD5 with
 * Bacula base64, optional TLS, API mode). Public entry point:
 * {@link io.backupcharms.bacula.console.DirectorConsole} with
 * {@link io.backupcharms.bacula.console.ConsoleSettings}; typed requests
 * {@link io.backupcharms.bacula.console.RunRequest} and
 * {@link io.backupcharms.bacula.console.RestoreRequest}.
 */
package io.backupcharms.bacula.console;
