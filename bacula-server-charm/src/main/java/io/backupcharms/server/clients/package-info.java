/**
 * The File Daemons related over {@code bacula-dir}, read from their unit databags: which are ready
 * to back up ({@link io.backupcharms.server.clients.ClientSpec}), which have not published yet, and
 * which published data the server refuses (with a message naming relation, unit and field). No Juju
 * or Bacula calls happen here: the charm passes plain databags in.
 */
package io.backupcharms.server.clients;
