package io.backupcharms.localjuju.files;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Deletes a directory tree localjuju owns (a model, a unit's or a charm's directory). */
public final class Trees {
  private static final long TIMEOUT_MINUTES = 10;

  private Trees() {}

  /**
   * Deletes {@code dir} and everything under it (a symlink is removed, never followed); nothing
   * when it does not exist. Refuses, deleting nothing, while anything is mounted at or below it.
   *
   * @throws IOException naming the directory and what is left when not everything could go
   */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<String> mounted = mountsUnder(dir);
    if (!mounted.isEmpty()) {
      throw new IOException(
          "cannot delete "
              + dir
              + ": still mounted below it: "
              + String.join(", ", mounted)
              + "; unmount them (umount -l <path>) and delete the directory by hand");
    }
    // Why GNU rm and not a Java walk: machines write file names with any bytes (a Latin-1 name
    // from a backup test). java.io.File decodes names with sun.jnu.encoding, so bytes that are
    // not valid there become U+FFFD and File.delete() names another file, failing silently; rm
    // works on the raw bytes. rm -r removes a symlink instead of following it, and
    // --one-file-system skips (and reports) any directory on another device, a second guard
    // after the mount check above against deleting inside a live mount.
    Process p =
        new ProcessBuilder("rm", "-rf", "--one-file-system", "--", dir.toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    boolean done;
    try {
      done = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while deleting " + dir, e);
    }
    if (!done) {
      p.destroyForcibly();
      throw new IOException(
          "cannot delete "
              + dir
              + ": rm did not finish in "
              + TIMEOUT_MINUTES
              + " minutes; delete it by hand");
    }
    String said = out.join().strip();
    if (p.exitValue() != 0 || Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(
          "cannot delete "
              + dir
              + " completely (rm exit "
              + p.exitValue()
              + "): "
              + (said.isEmpty() ? "the directory is still there" : said.replace('\n', ';'))
              + "; check `grep "
              + dir
              + " /proc/mounts` and `lsattr`, then delete it by hand");
    }
  }

  /** Mount points at or below {@code dir} in this process's mount namespace. */
  static List<String> mountsUnder(Path dir) throws IOException {
    String root = dir.toRealPath(LinkOption.NOFOLLOW_LINKS).toString();
    List<String> found = new ArrayList<>();
    // Lenient decoding: a mount point with odd bytes must not make the check itself fail.
    String table =
        new String(Files.readAllBytes(Path.of("/proc/self/mountinfo")), StandardCharsets.UTF_8);
    for (String line : table.split("\n")) {
      String[] f = line.split(" ");
      if (f.length > 4) {
        String point = unescape(f[4]);
        if (point.equals(root) || point.startsWith(root + "/")) {
          found.add(point);
        }
      }
    }
    return found;
  }

  /** mountinfo writes space, tab, newline and backslash as octal escapes. */
  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 3 < s.length()) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
