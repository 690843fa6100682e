package io.backupcharms.bacula.console;

import io.backupcharms.bacula.Redacted;
import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.bacula.console.reply.TerminatedJobsParser;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * Talks to a File Daemon over its own port as one of the Director entries of its bacula-fd.conf:
 * asks which jobs it has finished (a status-only {@code Monitor = yes} entry suffices; the File
 * Daemon keeps that list across restarts, so a charm on the backed-up machine learns the outcome of
 * its last backup from the daemon that ran it), or checks that it answers and accepts the entry's
 * password. One connection per call.
 *
 * @param host the File Daemon's address (its FDAddress)
 * @param port its FDPort
 * @param directorName the name of a Director entry of its bacula-fd.conf
 * @param password that entry's password
 * @param timeout bound on connecting and on every read
 * @param tls when not null, require TLS with this context (the File Daemon's certificate must match
 *     {@code host}); when null, never use TLS
 */
public record FileDaemonStatusClient(
    String host, int port, String directorName, String password, Duration timeout, SSLContext tls) {
  /** Checks the values are present. */
  public FileDaemonStatusClient {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(directorName, "directorName");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** A client that never uses TLS. */
  public FileDaemonStatusClient(
      String host, int port, String directorName, String password, Duration timeout) {
    this(host, port, directorName, password, timeout, null);
  }

  /** A copy requiring TLS with {@code context}. */
  public FileDaemonStatusClient withTls(SSLContext context) {
    return new FileDaemonStatusClient(host, port, directorName, password, timeout, context);
  }

  /**
   * The jobs the File Daemon lists as terminated ({@code .status terminated api=2}), oldest first.
   *
   * @throws AuthenticationFailedException when it refuses the entry's password
   * @throws ConsoleException when it cannot be reached or does not answer as a File Daemon
   */
  public List<TerminatedJob> terminatedJobs() {
    return session(
        "asking the " + target() + " for its finished jobs",
        b -> {
          return TerminatedJobsParser.parse(status(b, "terminated"));
        });
  }

  /**
   * How many jobs the File Daemon runs now ({@code jobs_running} of {@code .status header api=2});
   * this status connection is not one of them. A charm asks before restarting the daemon, which
   * would kill them.
   *
   * @throws ConsoleException when it cannot be reached or does not answer as a File Daemon
   */
  public int runningJobs() {
    return session(
        "asking the " + target() + " how many jobs it runs",
        b -> {
          String answer = status(b, "header");
          for (String line : answer.split("\n")) {
            if (line.startsWith("jobs_running=")) {
              try {
                return Integer.parseInt(line.substring("jobs_running=".length()).strip());
              } catch (NumberFormatException e) {
                break;
              }
            }
          }
          throw new ConsoleException(
              "the "
                  + target()
                  + " answered its status header without a"
                  + " jobs_running count: "
                  + answer.strip());
        });
  }

  /** Sends {@code .status <what> api=2} and returns the answer up to the end of data. */
  private String status(BSocket b, String what) throws IOException {
    b.send(".status " + what + " api=2 api_opts=\n");
    StringBuilder answer = new StringBuilder();
    Packet p = b.receive();
    for (; !p.isSignal(); p = b.receive()) {
      answer.append(p.text().replace("\0", ""));
    }
    if (!p.is(Signal.EOD)) {
      throw new ConsoleException(
          "the " + target() + " ended its status with " + p + " instead of the end of data");
    }
    return answer.toString();
  }

  /**
   * Logs in and says goodbye: proves that a File Daemon answers at the address and accepts the
   * entry's password. A bare TCP connection would do the first half, but the File Daemon logs every
   * connection that sends no Hello as a "Security Alert".
   *
   * @throws AuthenticationFailedException when it refuses the entry's password
   * @throws ConsoleException when it cannot be reached or does not answer as a File Daemon
   */
  public void checkLogin() {
    session(
        "logging in to the " + target(),
        b -> {
          b.signal(Signal.TERMINATE);
          return null;
        });
  }

  private interface Conversation<T> {
    T with(BSocket b) throws IOException;
  }

  /**
   * Connects, logs in and runs {@code conversation}; {@code doing} names it in errors. The whole of
   * it ends within {@code timeout}: a per-read timeout alone lets a peer that sends a byte now and
   * then hold the caller (an action, a hook) for as long as it likes.
   */
  private <T> T session(String doing, Conversation<T> conversation) {
    String target = target();
    AtomicBoolean expired = new AtomicBoolean();
    try (Socket s = new Socket()) {
      Socket socket = s;
      CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .execute(
              () -> {
                if (!socket.isClosed()) {
                  expired.set(true);
                  try {
                    socket.close();
                  } catch (IOException e) {
                    // Closing is all the deadline does; a failed close leaves the read timeout.
                  }
                }
              });
      try {
        s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      } catch (IOException e) {
        throw new ConsoleException(
            "cannot reach the "
                + target
                + " ("
                + e.getMessage()
                + "); is bacula-fd running and listening there?",
            e);
      }
      BSocket b = new BSocket(s);
      try {
        Handshake.run(b, login(target));
        return conversation.with(b);
      } catch (IOException e) {
        if (expired.get()) {
          throw new ConsoleException(
              "the "
                  + target
                  + " did not finish "
                  + doing.replaceFirst("^logging in to the .*", "logging in")
                  + " within "
                  + timeout.toMillis()
                  + " ms; is that port really a Bacula File Daemon?",
              e);
        }
        throw e;
      }
    } catch (SocketTimeoutException e) {
      throw new ConsoleException(
          "the "
              + target
              + " accepted the connection but did not answer in "
              + timeout.toMillis()
              + " ms; is that port really a Bacula File Daemon?",
          e);
    } catch (EOFException e) {
      throw new ConsoleException(
          "the "
              + target
              + " closed the connection; check that bacula-fd.conf"
              + " has a Director entry \""
              + directorName
              + "\" with this password",
          e);
    } catch (IOException e) {
      throw new ConsoleException(doing + " failed: " + e, e);
    }
  }

  private String target() {
    return "File Daemon at " + host + ":" + port;
  }

  private Login login(String target) {
    // The File Daemon reads "Hello Director <name> calling" (filed/authenticate.c), then the
    // same CRAM-MD5 exchange as the Director, then TLS when both sides want it.
    return new Login(
        "Hello Director " + directorName + " calling\n",
        target,
        "connection",
        " for its Director entry \"" + directorName + "\"",
        "Password of that Director entry in bacula-fd.conf",
        password,
        directorName,
        tls,
        host,
        port,
        timeout,
        "2000 OK Hello",
        false);
  }

  /** Never with the password: see {@link Redacted}. */
  @Override
  public String toString() {
    return Redacted.describe(this);
  }
}
