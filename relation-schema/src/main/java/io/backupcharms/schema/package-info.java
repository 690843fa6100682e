/**
 * Typed records and validation for the relation databags of the {@code backup} and {@code
 * bacula_dir} interfaces.
 *
 * <p>Public because every charm module reads and writes these databags: each record has a {@code
 * fromDatabag(Map)} that returns the record or field-level errors an operator can act on, and a
 * {@code toDatabag()} that writes exactly the keys and encodings of Canonical's backup-operators
 * charms. The JSON Schema files under {@code schemas/} on the classpath are the source of truth,
 * see {@link io.backupcharms.schema.DatabagSchema}; the semantic rules that JSON Schema cannot
 * state with a useful message are applied on top.
 */
package io.backupcharms.schema;
