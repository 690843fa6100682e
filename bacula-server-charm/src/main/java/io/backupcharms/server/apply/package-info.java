/**
 * Puts a {@link io.backupcharms.server.config.BaculaPlan} into service: checks it with {@code
 * bacula-dir -t}, leaves out any client whose resources Bacula refuses (so the others keep
 * working), installs both files atomically, and starts, restarts or reloads the daemons.
 */
package io.backupcharms.server.apply;
