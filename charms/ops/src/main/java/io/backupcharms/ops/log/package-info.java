/**
 * SLF4J logging to Juju: a Logback appender that sends each record to {@code juju-log}, installed
 * by a service-loaded Logback configurator (no XML parsing at start-up). The root level is INFO, or
 * {@code OPS_LOG_LEVEL} (TRACE, DEBUG, INFO, WARN, ERROR) from the environment.
 */
package io.backupcharms.ops.log;
