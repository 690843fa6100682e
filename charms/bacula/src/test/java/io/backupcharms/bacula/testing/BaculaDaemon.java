package io.backupcharms.bacula.testing;

import io.backupcharms.bacula.apply.Daemon;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's one way to run a Bacula daemon in tests: Debian's binary in the foreground ({@code
 * -f -c <config>}) as a child of the test, its output appended to a log, ready once it listens on
 * its address and port, stopped by PID. Shared through this module's test-jar.
 */
public final class BaculaDaemon implements AutoCloseable {
  /** Long enough for a Director that creates its catalog tables on a loaded machine. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

  private final Daemon daemon;
  private final Process process;

  private BaculaDaemon(Daemon daemon, Process process) {
    this.daemon = daemon;
    this.process = process;
  }

  /**
   * Starts {@code daemon} on {@code config} and waits until it listens on {@code address:port}.
   *
   * @throws IllegalStateException with the exit code and the end of {@code log} when it exits
   *     first, or with the end of the log when it does not listen in time (it is stopped then)
   */
  public static BaculaDaemon start(Daemon daemon, Path config, String address, int port, Path log)
      throws IOException {
    Process p =
        new ProcessBuilder(daemon.path(), "-f", "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    BaculaDaemon started = new BaculaDaemon(daemon, p);
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            daemon.binary()
                + " exited with code "
                + p.exitValue()
                + " before listening on "
                + address
                + ":"
                + port
                + "; log tail:\n"
                + tail(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(address, port), 200);
        return started;
      } catch (IOException notYet) {
        sleep(20);
      }
    }
    started.close();
    throw new IllegalStateException(
        daemon.binary()
            + " did not listen on "
            + address
            + ":"
            + port
            + " within "
            + READY_TIMEOUT.toSeconds()
            + " s; log tail:\n"
            + tail(log));
  }

  /** Which daemon this is. */
  public Daemon daemon() {
    return daemon;
  }

  /** True while the process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills it with SIGKILL, as a crash would, and waits for it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
  }

  /** Stops it with SIGTERM, then SIGKILL after 10 s, and waits for it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The last 30 lines of a daemon's log, for failure messages. */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
