/**
 * The Canonical Observability Stack's relations: {@code metrics-endpoint} ({@code
 * prometheus_scrape}) with the charm's alert rules. The databag formats follow the published {@code
 * prometheus_scrape} library (LIBAPI 0, LIBPATCH 61) key for key.
 */
package io.backupcharms.server.observability;
