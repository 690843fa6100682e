package io.backupcharms.bacula.console;

import io.backupcharms.bacula.apply.DirectorControl;
import io.backupcharms.bacula.console.reply.DaemonStatus;
import io.backupcharms.bacula.console.reply.DirectorVersion;
import io.backupcharms.bacula.console.reply.JobProgress;
import io.backupcharms.bacula.console.reply.Replies;
import io.backupcharms.bacula.console.reply.ReplyFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A console session with a Director over its native protocol: no {@code bconsole}. Connects,
 * authenticates (CRAM-MD5 both ways, optional TLS), switches to API mode ({@code .api 2}) and runs
 * commands one at a time; thread-safe by serialising commands. When the connection drops, read-only
 * commands reconnect and retry once; others report that their outcome is unknown. See {@code
 * shared/reference/bacula-console-protocol.md}.
 */
public final class DirectorConsole implements AutoCloseable, DirectorControl {
  private static final Duration QUIT_GRACE = Duration.ofSeconds(2);
  private final ConsoleSettings settings;
  private BSocket socket;
  private String greeting;

  private DirectorConsole(ConsoleSettings settings) {
    this.settings = settings;
  }

  /**
   * Connects and authenticates.
   *
   * @throws DirectorUnreachableException when nothing answers at the address
   * @throws AuthenticationFailedException when the password is refused
   */
  public static DirectorConsole connect(ConsoleSettings settings) {
    DirectorConsole c = new DirectorConsole(settings);
    c.open();
    return c;
  }

  /** The Director's greeting after login, e.g. {@code 1000 OK: 103 lab-dir Version: 9.6.7 ...}. */
  public synchronized String greeting() {
    return greeting;
  }

  private void open() {
    String target = Handshake.target(settings);
    Socket s = new Socket();
    try {
      s.connect(
          new InetSocketAddress(settings.host(), settings.port()),
          (int) settings.connectTimeout().toMillis());
    } catch (IOException e) {
      closeQuietly(s);
      throw new DirectorUnreachableException(
          "cannot reach the "
              + target
              + " ("
              + e.getMessage()
              + "); check that bacula-dir is running and listening on that address and port",
          e);
    }
    try {
      BSocket b = new BSocket(s);
      greeting = Handshake.run(b, settings);
      socket = b;
      Response r = exchange(".api 2", settings.readTimeout());
      if (r.failed()) {
        throw new UnexpectedReplyException(".api 2", "the Director refused API mode", r.text());
      }
    } catch (SocketTimeoutException e) {
      closeQuietly(s);
      socket = null;
      throw new DirectorUnreachableException(
          "the "
              + target
              + " accepted the connection but did not answer"
              + " in time; is that port really a Bacula Director?",
          e);
    } catch (EOFException e) {
      closeQuietly(s);
      socket = null;
      throw new AuthenticationFailedException(
          "the "
              + target
              + " closed the connection during login;"
              + " check the console name and password (a refused login costs 5-10 s)");
    } catch (IOException e) {
      closeQuietly(s);
      socket = null;
      throw new DirectorUnreachableException("login to the " + target + " failed: " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(s);
      socket = null;
      throw e;
    }
  }

  /**
   * Runs one console command and returns its text.
   *
   * @throws UnexpectedReplyException when the Director says the command failed or asks for input
   */
  public synchronized String command(String command) {
    return command(command, settings.readTimeout());
  }

  /** Runs one console command, waiting up to {@code timeout} for its answer. */
  synchronized String command(String command, Duration timeout) {
    Response r = run(command, timeout);
    if (r.askedForInput()) {
      throw new UnexpectedReplyException(
          command,
          "the Director asked for input (cancelled); give every" + " argument the command needs",
          r.text());
    }
    if (r.failed()) {
      throw new UnexpectedReplyException(command, "the Director reported failure", r.text());
    }
    return r.text();
  }

  /** The longest wait for one ordinary reply. */
  Duration readTimeout() {
    return settings.readTimeout();
  }

  private Response run(String command, Duration timeout) {
    if (command.chars().anyMatch(c -> c < 0x20)) {
      throw new ConsoleException(
          "console command contains a control character: " + command.replace("\n", "\\n"));
    }
    if (socket == null || socket.isClosed()) {
      open();
    }
    try {
      return exchange(command, timeout);
    } catch (IOException first) {
      dropConnection();
      if (!isReadOnly(command)) {
        throw new DirectorUnreachableException(
            "lost the connection to the "
                + Handshake.target(settings)
                + " during '"
                + command
                + "' ("
                + first
                + "); it may or may not have taken effect;"
                + " check with 'list jobs' before retrying",
            first);
      }
      open();
      try {
        return exchange(command, timeout);
      } catch (IOException second) {
        dropConnection();
        throw new DirectorUnreachableException(
            "lost the connection to the "
                + Handshake.target(settings)
                + " twice during '"
                + command
                + "': "
                + second,
            second);
      }
    }
  }

  private Response exchange(String command, Duration timeout) throws IOException {
    socket.timeout(timeout);
    socket.send(command);
    List<String> packets = new ArrayList<>();
    boolean failed = false;
    boolean asked = false;
    boolean pending = false;
    int cancels = 0;
    while (true) {
      Packet p = socket.receive();
      if (!p.isSignal()) {
        packets.add(p.text());
        continue;
      }
      Signal s = Signal.of(p.code());
      if (s == null) {
        continue;
      }
      switch (s) {
        case MAIN_PROMPT:
          return new Response(packets, failed, asked, pending);
        case CMD_FAILED:
        case ERROR_MSG:
          failed = true;
          break;
        case MSGS_PENDING:
          pending = true;
          break;
        case HEARTBEAT:
          socket.signal(Signal.HB_RESPONSE);
          break;
        case SUB_PROMPT:
        case TEXT_INPUT:
        case SELECT_INPUT:
        case YESNO:
          asked = true;
          if (++cancels > 5) {
            throw new IOException("the Director keeps asking for input after 5 cancellations");
          }
          // "." cancels every Director prompt; we never answer prompts interactively.
          socket.send(".");
          break;
        case TERMINATE:
        case EXT_TERMINATE:
          throw new EOFException("the Director ended the session");
        default:
          break;
      }
    }
  }

  private static boolean isReadOnly(String command) {
    return command.startsWith(".")
        || command.startsWith("llist ")
        || command.startsWith("list ")
        || command.startsWith("status")
        || command.equals("version")
        || command.equals("messages");
  }

  /** The Director's version. */
  public synchronized DirectorVersion version() {
    return Replies.version(command("version"));
  }

  /** Jobs running or waiting now, with their progress ({@code .status dir running}). */
  public synchronized List<JobProgress> runningJobs() {
    return Replies.running(command(".status dir running"));
  }

  /** The paths a job saved (deleted-file markers excluded), sorted. */
  public synchronized List<String> files(long jobId) {
    // One concatenated column, so a tab inside a file name cannot shift fields.
    String cmd =
        ".sql query=\"SELECT Path.Path || Filename.Name FROM File, Path, Filename WHERE File.JobId"
            + " = "
            + jobId
            + " AND File.FileIndex > 0 AND File.PathId = Path.PathId"
            + " AND File.FilenameId = Filename.FilenameId ORDER BY 1\"";
    Response r = run(cmd, settings.readTimeout());
    if (r.failed() || r.askedForInput()) {
      throw new UnexpectedReplyException(cmd, "the catalog query failed", r.text());
    }
    try {
      return Replies.sqlSingleColumn(r.packets());
    } catch (ReplyFormatException e) {
      throw new UnexpectedReplyException(cmd, e.getMessage(), r.text());
    }
  }

  /** Cancels a job. */
  public synchronized String cancel(long jobId) {
    return command("cancel jobid=" + jobId);
  }

  /**
   * Reloads the configuration file. Success only means the command ran: verify with {@link
   * #jobNames()}.
   */
  @Override
  public synchronized void reload() {
    command("reload");
  }

  /** The Job names the Director knows ({@code .jobs}). */
  @Override
  public synchronized List<String> jobNames() {
    return Replies.names(command(".jobs"));
  }

  /** The Client names the Director knows ({@code .clients}). */
  @Override
  public synchronized List<String> clientNames() {
    return Replies.names(command(".clients"));
  }

  @Override
  public synchronized List<String> messagesNames() {
    return Replies.names(command(".msgs"));
  }

  @Override
  public synchronized int activeJobs() {
    return runningJobs().size();
  }

  /** Drains and returns the Director's queued messages (job logs, errors of a failed reload). */
  public synchronized String messages() {
    return command("messages");
  }

  /** The Director's own status ({@code status dir}): name, version, jobs run and running. */
  public synchronized DaemonStatus directorStatus() {
    return Replies.directorStatus(command("status dir"));
  }

  /**
   * The status of a File Daemon, as the Director reaches it.
   *
   * @throws io.backupcharms.bacula.console.reply.ReplyFormatException when the Director could not
   *     reach it, quoting what it said
   */
  public synchronized DaemonStatus clientStatus(String client) {
    return Replies.daemonStatus(command("status" + CommandArgs.name("client", client)));
  }

  /** The status of a Storage Daemon, as the Director reaches it. */
  public synchronized DaemonStatus storageStatus(String storage) {
    return Replies.daemonStatus(command("status" + CommandArgs.name("storage", storage)));
  }

  /**
   * Sends {@code quit}, waits briefly for the Director to hang up, and closes the connection. The
   * Director answers {@code quit} with its last signals before it hangs up; a client that hangs up
   * first makes those writes fail, which the Director logs as a "Security Alert ... Broken pipe"
   * that operators then have to investigate.
   */
  @Override
  public synchronized void close() {
    if (socket != null) {
      try {
        socket.send("quit");
        socket.timeout(QUIT_GRACE);
        for (int i = 0; i < 1000; i++) {
          socket.receive();
        }
      } catch (IOException e) {
        // The Director hung up (EOF), or did not in time: closing anyway.
      }
      dropConnection();
    }
  }

  private void dropConnection() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Already broken.
      }
      socket = null;
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Nothing to do.
    }
  }
}
