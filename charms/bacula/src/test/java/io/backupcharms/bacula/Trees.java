package io.backupcharms.bacula;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds a tree with the shapes a restore must keep, and describes trees for comparison. */
public final class Trees {
  private Trees() {}

  /** Modes, a symlink (relative and absolute), hardlinks, unicode and space names, an empty dir. */
  public static void populate(Path root) throws IOException {
    Files.createDirectories(root.resolve("sub/deeper"));
    Files.createDirectories(root.resolve("empty dir"));
    write(root.resolve("plain.txt"), "plain\n", "rw-r--r--");
    write(root.resolve("secret.key"), "k3y", "rw-------");
    write(root.resolve("run.sh"), "#!/bin/sh\necho hi\n", "rwxr-x---");
    write(root.resolve("sub/héllo wörld ünïcødé.txt"), "unicode ✓\n", "rw-rw-r--");
    write(root.resolve("sub/tab\there.txt"), "tab in name", "rw-r--r--");
    write(root.resolve("sub/日本語.bin"), "\u0000\u0001\u00ff binary-ish", "r--r--r--");
    write(root.resolve("sub/deeper/big.dat"), "x".repeat(200_000), "rw-r-----");
    Files.createSymbolicLink(root.resolve("link-rel"), Path.of("sub/deeper/big.dat"));
    Files.createSymbolicLink(root.resolve("link-abs"), Path.of("/etc/hostname"));
    Files.createLink(root.resolve("hard-a"), root.resolve("plain.txt"));
    Files.createLink(root.resolve("sub/hard-b"), root.resolve("plain.txt"));
    Files.setPosixFilePermissions(
        root.resolve("sub/deeper"), PosixFilePermissions.fromString("rwx------"));
  }

  public static void write(Path file, String content, String mode) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
  }

  /**
   * One line per entry: relative path, type, mode, link target, hardlink count, size and a hash of
   * the content. Equal descriptions mean equal trees for every property a restore must keep.
   */
  public static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.forEach(all::add);
    }
    for (Path p : all) {
      String rel = root.relativize(p).toString();
      Map<String, Object> a =
          Files.readAttributes(p, "unix:mode,nlink,size,uid,gid", LinkOption.NOFOLLOW_LINKS);
      String desc;
      if (Files.isSymbolicLink(p)) {
        desc = "link -> " + Files.readSymbolicLink(p);
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        desc = "dir " + Integer.toOctalString((Integer) a.get("mode") & 07777);
      } else {
        desc =
            "file "
                + Integer.toOctalString((Integer) a.get("mode") & 07777)
                + " links="
                + a.get("nlink")
                + " size="
                + a.get("size")
                + " hash="
                + Arrays.hashCode(Files.readAllBytes(p));
      }
      out.put(rel, desc + " owner=" + a.get("uid") + ":" + a.get("gid"));
    }
    return out;
  }

  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        if (!Files.isSymbolicLink(p)) {
          p.toFile().setWritable(true);
        }
        Files.delete(p);
      }
    }
  }
}
