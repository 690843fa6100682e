package io.backupcharms.server.config;

import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.StorageDaemonConfig;

/** The desired configuration of both daemons on the unit. */
public record BaculaPlan(DirectorConfig director, StorageDaemonConfig storage) {}
