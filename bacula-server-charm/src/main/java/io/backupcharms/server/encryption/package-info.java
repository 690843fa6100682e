/**
 * Encryption at rest: the data keys of the File Daemons and the master key, kept as Juju secrets.
 */
package io.backupcharms.server.encryption;
