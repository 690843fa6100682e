/**
 * The lowest layer: one method per Juju hook tool ({@link
 * io.backupcharms.ops.hooktools.HookTools}), run as processes by {@link
 * io.backupcharms.ops.hooktools.ProcessHookTools}, with tool failures mapped to the {@link
 * io.backupcharms.ops.hooktools.ModelError} hierarchy. No caching, no policy.
 *
 * <p>Public because {@code ops-testing} replaces this layer with an in-memory implementation, and
 * because charms catch its exceptions. See {@code shared/reference/juju-hook-tools.md}.
 */
package io.backupcharms.ops.hooktools;
