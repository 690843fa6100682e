/** The off-machine copy of volumes and catalog in an S3 bucket, related over {@code s3}. */
package io.backupcharms.server.offsite;
