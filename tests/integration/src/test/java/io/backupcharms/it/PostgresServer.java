package io.backupcharms.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
 * A real PostgreSQL 15 server for one test class: a fresh cluster in a temporary directory, run as
 * user {@code postgres}, listening on a loopback address and port of its own, stopped by its PID
 * and deleted on {@link #close()}.
 */
final class PostgresServer implements AutoCloseable {
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

  /** Whether this machine can run the server: the binaries and the {@code postgres} user exist. */
  static Optional<String> unavailableReason() {
    if (!Files.isExecutable(BIN.resolve("postgres"))) {
      return Optional.of(
          "PostgreSQL 15 is not installed (" + BIN + "); run scripts/install-deps.sh");
    }
    if (!Processes.run(Duration.ofSeconds(5), "id", "-u", "postgres").isSuccess()) {
      return Optional.of("user postgres does not exist; run scripts/install-deps.sh");
    }
    return Optional.empty();
  }

  /** Initialises and starts a cluster listening on {@code host} and a free port. */
  static PostgresServer start(String host) {
    Path dir;
    try {
      dir = Files.createTempDirectory("it-postgres");
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot prepare a directory for PostgreSQL: " + e.getMessage(), e);
    }
    PostgresServer server = new PostgresServer(dir, host, freePort(host));
    try {
      server.initAndStart();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** The {@code host:port} form the {@code postgresql_client} interface publishes. */
  String endpoint() {
    return host + ":" + port;
  }

  /** The temporary directory holding the cluster, its socket and its log. */
  Path directory() {
    return dir;
  }

  /** The postmaster's PID, from the cluster's postmaster.pid. */
  long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).strip());
    } catch (IOException e) {
      throw new IllegalStateException(
          "PostgreSQL in " + dir + " has no readable postmaster.pid", e);
    }
  }

  /** Creates a login role with a password and a database it owns. */
  void createRoleAndDatabase(String role, String password, String database) {
    psql(
        "postgres",
        "CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
    psql("postgres", "CREATE DATABASE \"" + database + "\" OWNER \"" + role + "\"");
  }

  /** Runs one SQL statement as the superuser over the server's private socket; returns its rows. */
  String psql(String database, String sql) {
    return Processes.run(
            Duration.ofSeconds(30),
            asPostgres(
                BIN.resolve("psql").toString(),
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                socketDir().toString(),
                "-p",
                Integer.toString(port),
                "-d",
                database,
                "-c",
                sql))
        .orThrow()
        .stdout()
        .strip();
  }

  private void initAndStart() {
    Path data = dir.resolve("data");
    Processes.run(
            Duration.ofSeconds(60),
            asPostgres(
                BIN.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--no-sync",
                "-E",
                "UTF8"))
        .orThrow();
    // pg_ctl daemonises the postmaster, so nothing here holds it: it is stopped by PID in close().
    Processes.Result started =
        Processes.run(
            START_TIMEOUT,
            asPostgres(
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
                    + socketDir()
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c"
                    + " max_connections=40",
                "start"));
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
    Path pidFile = dir.resolve("data/postmaster.pid");
    try {
      if (Files.exists(pidFile)) {
        long pid = postmasterPid();
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isPresent()) {
          // SIGINT is PostgreSQL's fast shutdown: it disconnects clients instead of waiting.
          Processes.run(Duration.ofSeconds(5), "kill", "-INT", Long.toString(pid));
          try {
            postmaster.get().onExit().get(20, TimeUnit.SECONDS);
          } catch (TimeoutException e) {
            Processes.killTree(postmaster.get());
          } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for PostgreSQL " + pid + " to exit failed", e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.killTree(postmaster.get());
          }
        }
      }
    } catch (RuntimeException e) {
      System.err.println("PostgreSQL in " + dir + " may still run: " + e.getMessage());
    } finally {
      deleteTree(dir);
    }
  }

  private Path socketDir() {
    return dir;
  }

  private String logTail() {
    try {
      return Processes.tail(Files.readString(dir.resolve("server.log")), 3000);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static List<String> asPostgres(String... argv) {
    return Stream.concat(Stream.of("runuser", "-u", "postgres", "--"), Stream.of(argv)).toList();
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on " + host + ": " + e.getMessage(), e);
    }
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
