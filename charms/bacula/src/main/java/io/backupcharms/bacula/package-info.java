/**
 * The Bacula library: a typed model of Bacula resources ({@code config}), an injection-safe
 * renderer ({@code render}), validation with the daemons' own {@code -t} and atomic apply ({@code
 * apply}), and a native client for the Director console protocol ({@code console}). Every exception
 * it throws is a {@link io.backupcharms.bacula.BaculaException}.
 */
package io.backupcharms.bacula;
