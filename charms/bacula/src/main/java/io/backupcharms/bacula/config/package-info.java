/**
 * Typed, immutable values for the Bacula resources the charms use: the Director's file ({@link
 * io.backupcharms.bacula.config.DirectorConfig}), the File Daemon's ({@link
 * io.backupcharms.bacula.config.FileDaemonConfig}) and the Storage Daemon's ({@link
 * io.backupcharms.bacula.config.StorageDaemonConfig}). Public: the charms build these. Records
 * check names, numbers and paths when built; the renderer checks every string for characters
 * Bacula's lexer cannot hold.
 */
package io.backupcharms.bacula.config;
