package io.backupcharms.server.catalog;

import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real PostgreSQL 15 server for this module's tests, on a loopback address of its own, with a
 * {@code bacula} role (password {@link #PASSWORD}) owning database {@code bacula}. Stopped and
 * deleted by {@link #close}.
 */
public final class LoopbackPostgres implements AutoCloseable {

  static final String BIN = "/usr/lib/postgresql/15/bin/";
  public static final int PORT = 5432;
  public static final String PASSWORD = "right-pw";

  private final Path dir;
  private final String host;

  private LoopbackPostgres(Path dir, String host) {
    this.dir = dir;
    this.host = host;
  }

  /** Creates the cluster and starts it. */
  public static LoopbackPostgres start() throws IOException {
    Path dir = Files.createTempDirectory("bacula-server-pg");
    String host = "127." + ThreadLocalRandom.current().nextInt(100, 250) + "."
        + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(2, 250);
    LoopbackPostgres pg = new LoopbackPostgres(dir, host);
    Files.writeString(dir.resolve("pw"), "admin-pw\n");
    pg.sh("chown -R postgres:postgres " + dir);
    pg.asPostgres(BIN + "initdb -D " + dir.resolve("data") + " -U postgres --pwfile=" + dir.resolve("pw")
        + " -A scram-sha-256 -E UTF8");
    pg.asPostgres(BIN + "pg_ctl -D " + dir.resolve("data") + " -l " + dir.resolve("log") + " -w -t 30"
        + " -o '-c listen_addresses=" + host + " -p " + PORT + " -k " + dir + "' start");
    pg.admin("CREATE ROLE bacula LOGIN PASSWORD '" + PASSWORD + "'");
    pg.admin("CREATE DATABASE bacula OWNER bacula");
    return pg;
  }

  /** The address it listens on. */
  public String host() {
    return host;
  }

  /** The catalog of database {@code bacula} as the relation would give it. */
  public Catalog.Postgres catalog() {
    return new Catalog.Postgres(host, PORT, "bacula", "bacula", PASSWORD);
  }

  /** Runs SQL as the superuser; throws with psql's output when it fails. */
  public void admin(String sql) {
    CommandResult r = new Command(
        List.of("psql", "-X", "-w", "-h", host, "-p", Integer.toString(PORT), "-U", "postgres",
            "-d", "postgres", "-c", sql),
        Map.of("PGPASSWORD", "admin-pw"), null, Duration.ofSeconds(30)).run();
    if (!r.isSuccess()) {
      throw new IllegalStateException(sql + ": " + r.output());
    }
  }

  /** Runs SQL as {@code bacula} in database {@code bacula}, returning the unaligned rows. */
  public String query(String sql) {
    CommandResult r = new Command(
        List.of("psql", "-X", "-w", "-A", "-t", "-h", host, "-p", Integer.toString(PORT), "-U", "bacula",
            "-d", "bacula", "-c", sql),
        Map.of("PGPASSWORD", PASSWORD), null, Duration.ofSeconds(30)).run();
    if (!r.isSuccess()) {
      throw new IllegalStateException(sql + ": " + r.output());
    }
    return r.output().strip();
  }

  @Override
  public void close() {
    Command.of(
        List.of("runuser", "-u", "postgres", "--", BIN + "pg_ctl", "-D", dir.resolve("data").toString(),
            "-m", "immediate", "-w", "stop"),
        Duration.ofSeconds(30)).run();
    Command.of(List.of("rm", "-rf", dir.toString()), Duration.ofSeconds(30)).run();
  }

  private void asPostgres(String command) {
    sh("cd " + dir + " && runuser -u postgres -- sh -c \"" + command.replace("\"", "\\\"") + "\"");
  }

  private void sh(String command) {
    CommandResult r = Command.of(List.of("sh", "-c", command), Duration.ofSeconds(60)).run();
    if (!r.isSuccess()) {
      throw new IllegalStateException(command + ": " + r.output());
    }
  }
}
