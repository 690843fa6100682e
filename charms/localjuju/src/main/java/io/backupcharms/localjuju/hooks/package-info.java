/** Hooks as values and the per-unit queues that run them one at a time, in Juju's order. */
package io.backupcharms.localjuju.hooks;
