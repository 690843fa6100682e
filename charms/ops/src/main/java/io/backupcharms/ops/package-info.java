/**
 * What charm authors import: {@link io.backupcharms.ops.CharmBase}, {@link
 * io.backupcharms.ops.Framework}, the events, the statuses and {@link io.backupcharms.ops.Main}.
 * See the module README for a guide.
 */
package io.backupcharms.ops;
