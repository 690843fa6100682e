/**
 * Status queries to the local File Daemon as a status-only ("Monitor = yes") Director: how the
 * charm learns the outcome of the machine's last backup from the daemon that ran it. Public only
 * so that the charm package and the integration tests can read {@link
 * io.backupcharms.fd.monitor.TerminatedJob}s.
 */
package io.backupcharms.fd.monitor;
