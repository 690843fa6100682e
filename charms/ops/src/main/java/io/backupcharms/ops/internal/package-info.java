/**
 * Dispatch, stored state and metadata loading. Public only because {@code ops-testing} drives the
 * same dispatcher; not an API for charms.
 */
package io.backupcharms.ops.internal;
