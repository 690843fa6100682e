/**
 * The machine's package manager, shared by every charm of the project so that all of them install
 * alike: apt waiting for other apt and dpkg runs, and packaged daemons kept from starting until the
 * charm has configured them. Public because both charms use it.
 */
package io.backupcharms.bacula.host;
