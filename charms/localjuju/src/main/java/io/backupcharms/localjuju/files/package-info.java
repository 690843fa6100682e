/**
 * Files localjuju owns on the host: deleting a model's, unit's or charm's directory tree whatever
 * its machines wrote into it.
 */
package io.backupcharms.localjuju.files;
