/**
 * The bacula-server charm: Bacula Director and Storage Daemon on one unit, configured from the
 * related File Daemons on every hook, with backups, restores and listings as Juju actions. {@link
 * io.backupcharms.server.BaculaServerCharm} is the entry point; subpackages hold one concern each
 * (clients, config, catalog, secrets, apply, actions, workload).
 */
package io.backupcharms.server;
