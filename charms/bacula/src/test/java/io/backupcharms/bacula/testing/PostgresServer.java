package io.backupcharms.bacula.testing;

import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The project's one way to run PostgreSQL in tests: a real PostgreSQL 15 server with a fresh
 * cluster in a temporary directory, run as user {@code postgres}, listening on a loopback address
 * and a free port of its own (password logins over TCP, the superuser over its private socket),
 * stopped by its PID and deleted on {@link #close()}. Shared through this module's test-jar.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final String host;
  private final int port;

  private PostgresServer(Path dir, String host, int port) {
    this.dir = dir;
    this.host = host;
    this.port = port;
  }

  /** Why this machine cannot run the server (binaries or user {@code postgres} missing), if so. */
  public static Optional<String> unavailableReason() {
    if (!Files.isExecutable(BIN.resolve("postgres"))) {
      return Optional.of(
          "PostgreSQL 15 is not installed (" + BIN + "); run scripts/install-deps.sh");
    }
    if (!Command.of(List.of("id", "-u", "postgres"), Duration.ofSeconds(5)).run().isSuccess()) {
      return Optional.of("user postgres does not exist; run scripts/install-deps.sh");
    }
    return Optional.empty();
  }

  /**
   * Initialises and starts a cluster listening on {@code host} and a free port.
   *
   * @throws IllegalStateException with the end of the server's log when it does not start
   */
  public static PostgresServer start(String host) {
    Path dir;
    try {
      dir = Files.createTempDirectory("test-postgres");
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot prepare a directory for PostgreSQL: " + e.getMessage(), e);
    }
    PostgresServer server = new PostgresServer(dir, host, FreePorts.on(host));
    try {
      server.initAndStart();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The address it listens on. */
  public String host() {
    return host;
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** The {@code host:port} form the {@code postgresql_client} interface publishes. */
  public String endpoint() {
    return host + ":" + port;
  }

  /** The temporary directory holding the cluster, its socket and its log. */
  public Path directory() {
    return dir;
  }

  /** The postmaster's PID, from the cluster's postmaster.pid. */
  public long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).strip());
    } catch (IOException e) {
      throw new IllegalStateException(
          "PostgreSQL in " + dir + " has no readable postmaster.pid", e);
    }
  }

  /** Creates a login role with a password and a database it owns. */
  public void createRoleAndDatabase(String role, String password, String database) {
    psql(
        "postgres",
        "CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
    psql("postgres", "CREATE DATABASE \"" + database + "\" OWNER \"" + role + "\"");
  }

  /**
   * Runs SQL as the superuser over the server's private socket and returns its rows, unaligned.
   *
   * @throws IllegalStateException with psql's output when the SQL fails
   */
  public String psql(String database, String sql) {
    return require(
            asPostgres(
                Duration.ofSeconds(30),
                BIN.resolve("psql").toString(),
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                dir.toString(),
                "-p",
                Integer.toString(port),
                "-d",
                database,
                "-c",
                sql),
            sql)
        .output()
        .strip();
  }

  private void initAndStart() {
    Path data = dir.resolve("data");
    require(
        asPostgres(
            Duration.ofSeconds(60),
            BIN.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "postgres",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--no-sync",
            "-E",
            "UTF8"),
        "initdb");
    // pg_ctl daemonises the postmaster, so nothing here holds it: it is stopped by PID in close().
    CommandResult started =
        asPostgres(
            START_TIMEOUT.plusSeconds(5),
            BIN.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            Long.toString(START_TIMEOUT.toSeconds()),
            "-o",
            "-c listen_addresses="
                + host
                + " -c port="
                + port
                + " -c unix_socket_directories="
                + dir
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c"
                + " max_connections=40",
            "start");
    if (!started.isSuccess()) {
      throw new IllegalStateException(
          "PostgreSQL did not start on "
              + endpoint()
              + " (exit "
              + started.exitCode()
              + "); end of its log:\n"
              + logTail());
    }
    awaitListening();
  }

  private void awaitListening() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 500);
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(100));
      }
    }
    throw new IllegalStateException(
        "PostgreSQL is not listening on "
            + endpoint()
            + " after "
            + START_TIMEOUT
            + "; end of its log:\n"
            + logTail());
  }

  /**
   * Stops the postmaster by the PID in postmaster.pid (fast shutdown), then deletes the cluster.
   */
  @Override
  public void close() {
    try {
      if (Files.exists(dir.resolve("data/postmaster.pid"))) {
        ProcessHandle.of(postmasterPid()).ifPresent(PostgresServer::stop);
      }
    } catch (RuntimeException e) {
      System.err.println("PostgreSQL in " + dir + " may still run: " + e.getMessage());
    } finally {
      deleteTree(dir);
    }
  }

  private static void stop(ProcessHandle postmaster) {
    // SIGINT is PostgreSQL's fast shutdown: it disconnects clients instead of waiting.
    Command.of(List.of("kill", "-INT", Long.toString(postmaster.pid())), Duration.ofSeconds(5))
        .run();
    try {
      postmaster.onExit().get(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      killTree(postmaster);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "waiting for PostgreSQL " + postmaster.pid() + " to exit failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killTree(postmaster);
    }
  }

  private static void killTree(ProcessHandle process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private String logTail() {
    try {
      String log = Files.readString(dir.resolve("server.log"));
      return log.substring(Math.max(0, log.length() - 3000));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * Runs argv as the postgres user from {@code /}: a checkout under a 0700 directory (a fresh
   * {@code mktemp -d} clone) is no place postgres may enter, and psql's warning about it would land
   * in the merged output the tests compare.
   */
  private static CommandResult asPostgres(Duration timeout, String... argv) {
    return Command.of(
            Stream.concat(
                    Stream.of("runuser", "-u", "postgres", "--", "env", "-C", "/"), Stream.of(argv))
                .toList(),
            timeout)
        .run();
  }

  private static CommandResult require(CommandResult r, String what) {
    if (!r.isSuccess()) {
      throw new IllegalStateException(what + " failed (exit " + r.exitCode() + "): " + r.tail(10));
    }
    return r;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("cannot delete " + root + ": " + e.getMessage());
    }
  }
}
