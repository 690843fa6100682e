/**
 * The metrics exporter: a small long-running process under systemd ({@link ExporterMain}) that
 * serves the catalog's and the disk's state to Prometheus, and what the charm writes for it ({@link
 * ExporterConfig}). No hook serves metrics.
 */
package io.backupcharms.server.metrics;
