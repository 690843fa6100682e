/**
 * The backup-integrator charm: a subordinate that turns plain config (a fileset and scripts to run
 * around backups and restores) into the {@code backup} relation's requirer databag.
 *
 * <p>{@link io.backupcharms.integrator.BackupIntegratorCharm} is public because dispatch starts it;
 * everything else is package-private.
 */
package io.backupcharms.integrator;
