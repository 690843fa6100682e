/**
 * The one root of the problems the bacula-server charm reports, and the one way a hook turns a
 * problem into the unit's status.
 */
package io.backupcharms.server.problem;
