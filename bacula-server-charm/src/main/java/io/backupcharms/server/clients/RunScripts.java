package io.backupcharms.server.clients;

import java.util.Optional;

/**
 * Paths of the scripts a File Daemon runs around its jobs, on the client's machine. Each is
 * optional: the reference fd always sends a no-op script, but a missing key must not break a job.
 */
public record RunScripts(
    Optional<String> beforeBackup,
    Optional<String> afterBackup,
    Optional<String> beforeRestore,
    Optional<String> afterRestore) {

  /** No scripts at all. */
  public static final RunScripts NONE =
      new RunScripts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
