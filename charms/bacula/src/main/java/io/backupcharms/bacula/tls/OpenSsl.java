package io.backupcharms.bacula.tls;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The {@code openssl} command line, run in a scratch directory that only root can read. */
final class OpenSsl {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private OpenSsl() {}

  interface InDir<T> {
    T run(Path dir) throws IOException;
  }

  /** Runs {@code work} in a fresh 0700 directory, removed afterwards with the keys in it. */
  static <T> T inScratch(InDir<T> work) {
    Path dir = null;
    try {
      dir =
          Files.createTempDirectory(
              "bacula-tls",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      return work.run(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("making keys: " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          // A scratch directory left in /tmp, mode 0700: nothing else can read it.
        }
      }
    }
  }

  /**
   * Runs openssl; arguments naming {@code *.key}, {@code *.pem}, {@code *.csr} or {@code ext} are
   * files in {@code dir}.
   */
  static void run(Path dir, String... args) {
    List<String> argv =
        Stream.concat(Stream.of("openssl"), Stream.of(args))
            .map(
                a ->
                    a.endsWith(".key")
                            || a.endsWith(".pem")
                            || a.endsWith(".csr")
                            || a.equals("ext")
                        ? dir.resolve(a).toString()
                        : a)
            .toList();
    CommandResult r = Command.of(argv, TIMEOUT).run().requireExited();
    if (r.exitCode() != 0) {
      throw new BaculaException(
          "openssl " + args[0] + " failed (exit " + r.exitCode() + "): " + messages(r.output()));
    }
  }

  /**
   * A {@code -subj} value naming {@code commonName}: X.509 allows 64 characters, and {@code /},
   * {@code +}, {@code =} and {@code \\} are syntax there, so they become {@code -}.
   */
  static String subject(String commonName) {
    String cn = commonName.replaceAll("[/+=\\\\,]", "-");
    return "/CN=" + (cn.length() > 64 ? cn.substring(0, 64) : cn);
  }

  /** openssl's messages without the rows of dots and pluses its key generation prints. */
  private static String messages(String output) {
    return output
        .lines()
        .filter(l -> !l.matches("[.+*\\s-]*"))
        .reduce((a, b) -> a + "\n" + b)
        .orElse("")
        .strip();
  }

  static String read(Path dir, String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }
}
