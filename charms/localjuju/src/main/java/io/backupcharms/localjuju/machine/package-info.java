/**
 * Machines as Linux namespaces: a holder process per machine (PID 1 of a private mount and PID
 * namespace, reaping orphans) with the host's system directories overlaid, and {@code nsenter} to
 * run anything inside it.
 */
package io.backupcharms.localjuju.machine;
