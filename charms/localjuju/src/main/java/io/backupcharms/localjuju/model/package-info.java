/**
 * A model's persistent state: machines, applications, units, relations with their databags, secrets
 * and actions. Mutable on purpose: the model's controller is its only writer and holds its lock for
 * every change; the whole state is saved to {@code state.json} after each change.
 */
package io.backupcharms.localjuju.model;
