/**
 * The actions of bacula-server: parameter validation (every problem reported before anything runs),
 * mapping an operator's {@code client=} to a Bacula Client, and the runs against the Director
 * through the console client.
 */
package io.backupcharms.server.actions;
