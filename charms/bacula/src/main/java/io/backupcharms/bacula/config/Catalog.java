package io.backupcharms.bacula.config;

import io.backupcharms.bacula.Redacted;

/**
 * A Catalog resource. Which database driver the Director uses is decided by the installed Debian
 * package ({@code bacula-director-sqlite3} or {@code -pgsql}), not by this resource.
 *
 * @param name the resource name, e.g. {@code MyCatalog}
 * @param dbName the database name; SQLite opens {@code <WorkingDirectory>/<dbName>.db}
 * @param user the database user
 * @param password the database password ("" for SQLite)
 * @param address the database host, or null for SQLite
 * @param port the database port, or null for the default / SQLite
 */
public record Catalog(
    String name, String dbName, String user, String password, String address, Integer port) {
  public Catalog {
    String r = "Catalog \"" + name + "\"";
    Check.name("Catalog", "Name", name);
    Check.nonEmpty(r, "dbname", dbName);
    Check.present(r, "dbuser", user);
    Check.present(r, "dbpassword", password);
    if (address != null) {
      Check.address(r, "DB Address", address);
    }
    if (port != null) {
      Check.port(r, "DB Port", port);
    }
  }

  /** A SQLite catalog: the file {@code <WorkingDirectory>/<dbName>.db}. */
  public static Catalog sqlite(String name, String dbName) {
    return new Catalog(name, dbName, "bacula", "", null, null);
  }

  /** A PostgreSQL catalog. */
  public static Catalog postgresql(
      String name, String dbName, String user, String password, String address, int port) {
    return new Catalog(name, dbName, user, password, address, port);
  }

  /** Never with the password: see {@link Redacted}. */
  @Override
  public String toString() {
    return Redacted.describe(this);
  }
}
