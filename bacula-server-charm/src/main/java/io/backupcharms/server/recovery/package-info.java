/**
 * The catalog's own backup to the bucket, and the recovery of a lost server from it: dump, copy,
 * fetch, load, and the volumes a restore needs that only the bucket still holds.
 */
package io.backupcharms.server.recovery;
