/**
 * The server's passwords as Juju secrets owned by the application: the console and Storage Daemon
 * passwords, and one secret per {@code bacula-dir} relation that the related File Daemons read.
 * Created once by the leader; never logged, never in plain relation data.
 */
package io.backupcharms.server.secrets;
