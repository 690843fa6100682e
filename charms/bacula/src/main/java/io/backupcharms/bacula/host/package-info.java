/**
 * The machine under every charm of the project: one way to run a program ({@link
 * io.backupcharms.bacula.host.Command}, ending as a {@link
 * io.backupcharms.bacula.host.CommandResult}) and the package manager ({@link
 * io.backupcharms.bacula.host.AptInstaller}: apt waiting for other apt and dpkg runs, and packaged
 * daemons kept from starting until the charm has configured them). No Bacula concepts here. Public
 * because both charms use it.
 */
package io.backupcharms.bacula.host;
