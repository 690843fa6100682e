package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.BaculaException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion with a timeout, capturing stdout and stderr together. */
public record ProcessRun(List<String> argv, int exitCode, String output) {
  public static ProcessRun run(
      List<String> argv, Duration timeout, Map<String, String> env, Path stdin) {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.environment().putAll(env);
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    } else {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new BaculaException(
          "cannot run "
              + argv.get(0)
              + ": "
              + e.getMessage()
              + "; is the Debian package providing it installed?",
          e);
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(p.getInputStream(), buf), "read-" + argv.get(0));
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        throw new BaculaException(
            String.join(" ", argv)
                + " did not finish within "
                + timeout.toSeconds()
                + " s and was killed");
      }
      reader.join(5000);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new BaculaException("interrupted while running " + argv.get(0), e);
    }
    String out;
    synchronized (buf) {
      out = buf.toString(StandardCharsets.UTF_8);
    }
    return new ProcessRun(argv, p.exitValue(), out);
  }

  private static void copy(InputStream in, OutputStream out) {
    byte[] b = new byte[8192];
    try (in) {
      for (int n; (n = in.read(b)) > 0; ) {
        synchronized (out) {
          out.write(b, 0, n);
        }
      }
    } catch (IOException e) {
      // The process ended or was killed; what was read so far is the output.
    }
  }
}
