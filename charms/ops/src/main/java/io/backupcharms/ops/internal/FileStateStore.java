package io.backupcharms.ops.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * State in {@code <charm dir>/.ops-state.json}: read under an exclusive lock on {@code
 * .ops-state.lock} (held until {@link #close()}), committed by writing a temporary file, forcing it
 * to disk and renaming it over the old one, so a crash leaves the old or the new state, never half
 * of one.
 */
public final class FileStateStore implements StateStore {
  static final String FILE = ".ops-state.json";
  static final String LOCK = ".ops-state.lock";

  /** Juju runs one hook per unit at a time; a longer wait means a stuck process holds the lock. */
  private static final long LOCK_TIMEOUT_MS = 60_000;

  private final Path file;
  private final Path lockFile;
  private FileChannel lockChannel;
  private FileLock lock;
  private String loaded;

  public FileStateStore(Path charmDir) {
    this.file = charmDir.resolve(FILE);
    this.lockFile = charmDir.resolve(LOCK);
  }

  @Override
  public PersistedState load() {
    acquireLock();
    try {
      loaded = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      loaded = null;
      return PersistedState.empty();
    } catch (IOException e) {
      throw new StateCorruptError(file.toString(), "cannot be read: " + e, e);
    }
    return PersistedState.parse(loaded, file.toString());
  }

  @Override
  public void commit(PersistedState state) {
    String json = state.toJson();
    if (json.equals(loaded) || loaded == null && json.equals(PersistedState.empty().toJson())) {
      return;
    }
    Path tmp = file.resolveSibling(FILE + ".tmp");
    // Owner-only: stored state is the charm's private memory (the charm dir is root's anyway).
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      ch.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write stored state to "
              + tmp
              + ": "
              + e.getMessage()
              + "; check free space and permissions of the charm directory",
          e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IllegalStateException("cannot rename " + tmp + " over " + file + " atomically", e);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot rename " + tmp + " to " + file + ": " + e.getMessage(), e);
    }
    loaded = json;
  }

  private void acquireLock() {
    if (lock != null) {
      return;
    }
    try {
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      long deadline = System.currentTimeMillis() + LOCK_TIMEOUT_MS;
      while ((lock = lockChannel.tryLock()) == null) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(
              "another process holds "
                  + lockFile
                  + " for more than "
                  + LOCK_TIMEOUT_MS / 1000
                  + " s; is a previous hook of this unit still running?");
        }
        Thread.sleep(50);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + lockFile, e);
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      // Closing the channel releases the lock anyway; nothing useful to report.
    } finally {
      lock = null;
      lockChannel = null;
    }
  }
}
