package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.BaculaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Arrays;

/** Candidate files next to the live one, and the atomic rename that makes one live. */
final class AtomicFile {
  private AtomicFile() {}

  static boolean sameBytes(Path live, byte[] content) {
    try {
      return Files.isRegularFile(live)
          && Files.size(live) == content.length
          && Arrays.equals(Files.readAllBytes(live), content);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes {@code content} to a hidden sibling of {@code live}, mode 0640, group bacula, synced.
   */
  static Path writeCandidate(Path live, byte[] content) {
    Path candidate = live.resolveSibling("." + live.getFileName() + ".candidate");
    try {
      if (live.getParent() != null) {
        Files.createDirectories(live.getParent());
      }
      Files.deleteIfExists(candidate);
      Files.createFile(
          candidate,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
      try (FileChannel ch = FileChannel.open(candidate, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      setBaculaGroup(candidate);
      return candidate;
    } catch (IOException e) {
      throw new BaculaException(
          "cannot write candidate configuration "
              + candidate
              + ": "
              + e
              + "; check that "
              + live.getParent()
              + " exists and is writable",
          e);
    }
  }

  static void replace(Path candidate, Path live) {
    try {
      try {
        Files.move(
            candidate, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new BaculaException(
            "cannot atomically replace "
                + live
                + " ("
                + e.getMessage()
                + "); keep the configuration on a local file system",
            e);
      }
    } catch (IOException e) {
      throw new BaculaException("cannot replace " + live + " with " + candidate + ": " + e, e);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover candidate is harmless: the next apply deletes it first.
    }
  }

  /**
   * Gives the file to group bacula when that group exists, so daemons running as bacula can read
   * it.
   */
  static void setBaculaGroup(Path file) throws IOException {
    try {
      GroupPrincipal g =
          FileSystems.getDefault()
              .getUserPrincipalLookupService()
              .lookupPrincipalByGroupName("bacula");
      Files.getFileAttributeView(file, PosixFileAttributeView.class).setGroup(g);
    } catch (UserPrincipalNotFoundException e) {
      // No bacula group on this machine (Bacula not installed yet): root-only is safe.
    }
  }
}
