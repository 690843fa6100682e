package io.backupcharms.ops.testing;

/** One {@code juju-log} record: level (DEBUG, INFO, WARNING, ERROR) and message. */
public record LogLine(String level, String message) {}
