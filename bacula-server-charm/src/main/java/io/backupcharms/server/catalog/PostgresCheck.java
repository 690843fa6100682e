package io.backupcharms.server.catalog;

import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks PostgreSQL credentials with {@code psql} before the Director is pointed at them, so a
 * wrong password becomes a clear blocked status instead of a Director that fails to start. The
 * password travels in the environment ({@code PGPASSWORD}), never on the command line.
 */
public final class PostgresCheck {

  private static final String HAS_SCHEMA =
      "SELECT count(*) FROM information_schema.tables"
          + " WHERE table_schema = current_schema() AND table_name = 'version'";

  private PostgresCheck() {}

  /**
   * Connects and reports whether the Bacula schema exists.
   *
   * @throws CatalogProblem naming host, user and the server's reason when the connection fails
   */
  public static boolean check(CatalogDatabase.Postgres pg) {
    CommandResult r = psql(pg, List.of("-Atc", HAS_SCHEMA), null, Duration.ofSeconds(30));
    if (!r.isSuccess()) {
      throw new CatalogProblem(explain(pg, r));
    }
    return !r.output().strip().equals("0");
  }

  private static CommandResult psql(
      CatalogDatabase.Postgres pg, List<String> args, Path stdin, Duration timeout) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "psql",
                "-X",
                "-w",
                "-h",
                pg.host(),
                "-p",
                Integer.toString(pg.port()),
                "-U",
                pg.user(),
                "-d",
                pg.database()));
    argv.addAll(args);
    return new Command(
            argv,
            Map.of(
                "PGPASSWORD",
                pg.password(),
                "PGCONNECT_TIMEOUT",
                "10",
                "PGAPPNAME",
                "bacula-server"),
            stdin,
            timeout)
        .run();
  }

  static String explain(CatalogDatabase.Postgres pg, CommandResult r) {
    String out = r.output();
    String where = "PostgreSQL at " + pg.host() + ":" + pg.port();
    if (out.contains("password authentication failed") || out.contains("no password supplied")) {
      return where
          + " rejected the password of user "
          + pg.user()
          + "; the database relation's credentials are wrong: fix them on the database side or"
          + " re-create the relation";
    }
    if (out.contains("does not exist")) {
      return where + " has no database or user for " + pg.describe() + ": " + r.tail(1);
    }
    if (out.contains("Connection refused")
        || out.contains("could not connect")
        || out.contains("timeout expired")
        || r.ending() == CommandResult.Ending.TIMED_OUT) {
      return "cannot reach " + where + ": " + r.tail(1) + "; check that PostgreSQL is running";
    }
    if (r.ending() == CommandResult.Ending.NOT_STARTED) {
      return "psql is missing on this machine (install postgresql-client): " + r.tail(1);
    }
    return where + " refused the connection for " + pg.describe() + ": " + r.tail(2);
  }
}
