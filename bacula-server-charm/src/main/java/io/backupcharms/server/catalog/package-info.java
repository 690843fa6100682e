/**
 * The Director's catalog: SQLite on the unit by default, PostgreSQL when the charm is related over
 * {@code database} ({@code postgresql_client}, the data-platform {@code DatabaseRequires}
 * contract). Reads the relation, checks the credentials before the Director ever sees them, and
 * creates the Bacula schema on first use.
 */
package io.backupcharms.server.catalog;
