package io.backupcharms.bacula.apply;

/** What an apply did to the live file. */
public enum ApplyResult {
  /** The live file already had these bytes; nothing was validated, written or reloaded. */
  UNCHANGED,
  /** The candidate passed validation and replaced the live file (and the daemon was told). */
  REPLACED
}
