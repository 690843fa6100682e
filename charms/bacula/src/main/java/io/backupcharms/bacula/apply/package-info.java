/**
 * Safe apply: write a candidate next to the live file, validate it with the daemon's own {@code -t
 * -c}, replace the live file atomically (mode 0640, group {@code bacula}), then reload the Director
 * or restart a File/Storage Daemon whose file changed. Public entry points: {@link
 * io.backupcharms.bacula.apply.ConfigApplier}, {@link io.backupcharms.bacula.apply.ServiceControl},
 * {@link io.backupcharms.bacula.apply.DirectorControl}, {@link
 * io.backupcharms.bacula.apply.CatalogSetup}, {@link io.backupcharms.bacula.apply.InstalledVersion}
 * (which Bacula version the daemons are).
 */
package io.backupcharms.bacula.apply;
