package io.backupcharms.ops.hooktools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteStreamHandler;

/**
 * Runs one hook tool as a process through Commons Exec and captures what it printed.
 *
 * <p>A hook makes 5-10 tool calls in a process that should live well under 100 ms, so this avoids
 * Commons Exec's per-call threads (two stream pumps and a watchdog cost about 2 ms a call): the
 * output is read in the calling thread ({@link CapturingStreams}), and the time limit is one shared
 * timer thread that kills a hung tool (and its children), which also ends the blocked read.
 */
final class ProcessRunner {
  /** Hook tools answer in milliseconds; a hung tool must not hang the hook forever. */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final Map<String, String> env;
  private final Duration timeout;
  private final Map<String, String> resolved = new ConcurrentHashMap<>();

  ProcessRunner(Map<String, String> env, Duration timeout) {
    this.env = Map.copyOf(env);
    this.timeout = timeout;
  }

  /** What a finished tool left behind. */
  record Output(List<String> argv, int exitCode, String stdout, String stderr) {}

  Output run(List<String> argv, byte[] stdin) {
    String executable = resolve(argv.get(0));
    List<String> exact = new ArrayList<>(argv);
    exact.set(0, executable);
    CapturingStreams streams = new CapturingStreams(stdin);
    VerbatimExecutor executor = new VerbatimExecutor(exact, timeout);
    executor.setStreamHandler(streams);
    executor.setExitValues(null);
    int code = -1;
    IOException failure = null;
    try {
      // Commons Exec's CommandLine trims every argument; it is only a label here, the
      // process is launched with the exact argv (see VerbatimExecutor).
      code = executor.execute(new CommandLine(executable), env);
    } catch (IOException e) {
      failure = e;
    } finally {
      executor.cancelTimeout();
    }
    if (executor.timedOut()) {
      throw new ModelError(
          "hook tool "
              + argv.get(0)
              + " did not finish within "
              + timeout.toSeconds()
              + " s and was killed; is the Juju agent responsive?",
          argv,
          code,
          streams.stderr(),
          failure);
    }
    if (failure != null) {
      throw new ModelError(
          "cannot run hook tool " + argv.get(0) + " (" + executable + "): " + failure.getMessage(),
          argv,
          -1,
          streams.stderr(),
          failure);
    }
    return new Output(argv, code, streams.stdout(), streams.stderr());
  }

  /**
   * Finds a tool on the PATH of the hook environment (not of this JVM, which may differ in tests
   * and in training mode).
   */
  private String resolve(String tool) {
    return resolved.computeIfAbsent(
        tool,
        name -> {
          String path = env.getOrDefault("PATH", "");
          for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
              continue;
            }
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
              return candidate.getPath();
            }
          }
          throw new ModelError(
              "hook tool "
                  + name
                  + " not found on PATH ("
                  + path
                  + "); charm code"
                  + " must run inside a Juju hook, or under ops-testing in tests");
        });
  }

  /** One daemon thread for every tool call's time limit, started by the first call. */
  private static final class Killer {
    static final Timer TIMER = new Timer("ops-hook-tool-timeout", true);
  }

  /**
   * Launches the exact argv (Commons Exec's {@code CommandLine} trims each argument, which would
   * silently change values such as {@code action-set key=" x "}) and arms the time limit.
   */
  private static final class VerbatimExecutor extends DefaultExecutor {
    private final List<String> argv;
    private final Duration limit;
    private volatile boolean timedOut;
    private TimerTask timeout;

    // The no-argument constructor is deprecated in favour of a builder that cannot build
    // subclasses.
    @SuppressWarnings("deprecation")
    VerbatimExecutor(List<String> argv, Duration limit) {
      this.argv = List.copyOf(argv);
      this.limit = limit;
    }

    @Override
    protected Process launch(CommandLine command, Map<String, String> env, File dir)
        throws IOException {
      ProcessBuilder builder = new ProcessBuilder(argv);
      if (env != null) {
        builder.environment().clear();
        builder.environment().putAll(env);
      }
      if (dir != null) {
        builder.directory(dir);
      }
      Process process = builder.start();
      timeout =
          new TimerTask() {
            @Override
            public void run() {
              timedOut = true;
              process.descendants().forEach(ProcessHandle::destroyForcibly);
              process.destroyForcibly();
            }
          };
      Killer.TIMER.schedule(timeout, limit.toMillis());
      return process;
    }

    void cancelTimeout() {
      if (timeout != null) {
        timeout.cancel();
      }
    }

    boolean timedOut() {
      return timedOut;
    }
  }

  /**
   * Writes stdin, then reads stdout and stderr to the end, all in the calling thread. Hook tools
   * read their whole input before writing and print at most an error line on stderr, so this cannot
   * block on a full pipe; if a broken tool did, the time limit kills it.
   */
  private static final class CapturingStreams implements ExecuteStreamHandler {
    private final byte[] stdin;
    private OutputStream toProcess;
    private InputStream fromStdout;
    private InputStream fromStderr;
    private byte[] out = new byte[0];
    private byte[] err = new byte[0];

    CapturingStreams(byte[] stdin) {
      this.stdin = stdin;
    }

    @Override
    public void setProcessInputStream(OutputStream os) {
      toProcess = os;
    }

    @Override
    public void setProcessOutputStream(InputStream is) {
      fromStdout = is;
    }

    @Override
    public void setProcessErrorStream(InputStream is) {
      fromStderr = is;
    }

    @Override
    public void start() throws IOException {
      try (OutputStream os = toProcess) {
        if (stdin != null) {
          os.write(stdin);
        }
      } catch (IOException e) {
        // The tool exited without reading its input; its exit code and stderr say why.
      }
      out = fromStdout.readAllBytes();
      err = fromStderr.readAllBytes();
    }

    @Override
    public void stop() {
      // Everything was read in start().
    }

    String stdout() {
      return new String(out, StandardCharsets.UTF_8);
    }

    String stderr() {
      return new String(err, StandardCharsets.UTF_8);
    }
  }
}
