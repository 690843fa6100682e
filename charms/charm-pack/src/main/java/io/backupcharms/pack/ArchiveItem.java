package io.backupcharms.pack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry to write into a {@code .charm}: a file (from disk or bytes), a directory or a symbolic
 * link, with its unix mode.
 *
 * @param path the path inside the archive, relative, with '/' separators
 * @param mode the permission bits, e.g. 0755 (the file type bits are added when writing)
 * @param kind what the entry is
 * @param source the file to copy, for a file read from disk
 * @param content the bytes, for a generated file; the target, for a symlink
 */
record ArchiveItem(String path, int mode, Kind kind, Path source, byte[] content) {
  enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK
  }

  ArchiveItem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    if (path.startsWith("/") || path.contains("\\") || ("/" + path + "/").contains("/../")) {
      throw new IllegalArgumentException(
          "archive path \"" + path + "\" must be relative, " + "with '/' separators and no '..'");
    }
  }

  static ArchiveItem file(String path, int mode, Path source) {
    return new ArchiveItem(path, mode, Kind.FILE, source, null);
  }

  static ArchiveItem bytes(String path, int mode, byte[] content) {
    return new ArchiveItem(path, mode, Kind.FILE, null, content.clone());
  }

  static ArchiveItem directory(String path) {
    return new ArchiveItem(path, 0755, Kind.DIRECTORY, null, null);
  }

  static ArchiveItem symlink(String path, String target) {
    return new ArchiveItem(path, 0777, Kind.SYMLINK, null, target.getBytes(StandardCharsets.UTF_8));
  }
}
