/**
 * The bacula-fd charm's Juju side and its machine: {@link io.backupcharms.fd.BaculaFdCharm} reads
 * the model, has the plan built, and applies it through {@code FileDaemonHost}.
 */
package io.backupcharms.fd;
