/**
 * Builds the desired Bacula configuration (Director and Storage Daemon) from the charm's settings
 * and the related File Daemons, as values of the Bacula library's model. Pure: no files, no
 * processes.
 */
package io.backupcharms.server.config;
