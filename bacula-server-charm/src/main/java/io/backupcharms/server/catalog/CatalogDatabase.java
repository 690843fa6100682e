package io.backupcharms.server.catalog;

import java.nio.file.Path;
import java.util.Objects;

/** Where the Director keeps its catalog. */
public sealed interface CatalogDatabase {

  /** Name of the catalog database (SQLite file stem, PostgreSQL database requested). */
  String DATABASE = "bacula";

  /** The embedded default: {@code <workingDirectory>/bacula.db}. */
  record Sqlite(Path workingDirectory) implements CatalogDatabase {
    /** The database file the Director opens. */
    public Path file() {
      return workingDirectory.resolve(DATABASE + ".db");
    }
  }

  /** A PostgreSQL database from the {@code database} relation. */
  record Postgres(String host, int port, String database, String user, String password)
      implements CatalogDatabase {

    public Postgres {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    /** {@code user@host:port/database}, without the password. */
    public String describe() {
      return user + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
      return "Postgres[" + describe() + "]";
    }
  }
}
