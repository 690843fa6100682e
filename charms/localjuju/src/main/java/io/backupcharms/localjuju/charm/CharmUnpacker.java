package io.backupcharms.localjuju.charm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Puts a charm (a {@code .charm} zip or a directory) into a unit's charm directory. */
public final class CharmUnpacker {
  private CharmUnpacker() {}

  /**
   * Unpacks a zip keeping unix modes and symlinks (hooks/install links to ../dispatch), or copies a
   * directory with its modes.
   *
   * @throws IOException when the source is neither, or an entry escapes the target
   */
  public static void unpack(Path source, Path target) throws IOException {
    Files.createDirectories(target);
    if (Files.isDirectory(source)) {
      copyTree(source, target);
      return;
    }
    if (!Files.isRegularFile(source)) {
      throw new IOException(
          "charm " + source + " does not exist; pass a .charm file or a charm directory");
    }
    try (ZipFile zip = ZipFile.builder().setPath(source).get()) {
      Enumeration<ZipArchiveEntry> en = zip.getEntries();
      while (en.hasMoreElements()) {
        ZipArchiveEntry e = en.nextElement();
        Path out = target.resolve(e.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException(
              "charm " + source + " has an entry outside its root: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zip.getInputStream(e)) {
          if (e.isUnixSymlink()) {
            String link = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            Files.createSymbolicLink(out, Path.of(link));
            continue;
          }
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        int mode = e.getUnixMode() & 0777;
        if (mode == 0) {
          mode = 0644;
        }
        Files.setPosixFilePermissions(out, perms(mode));
      }
    }
  }

  static Set<PosixFilePermission> perms(int mode) {
    Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << i)) != 0) {
        s.add(all[i]);
      }
    }
    return s;
  }

  private static void copyTree(Path src, Path dst) throws IOException {
    Files.walkFileTree(
        src,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(dst.resolve(src.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path out = dst.resolve(src.relativize(file).toString());
            Files.copy(
                file,
                out,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
