/**
 * The server's machine: packages, daemons under systemctl and directories. No Juju concepts here;
 * the charm decides, this package carries it out.
 */
package io.backupcharms.server.workload;
