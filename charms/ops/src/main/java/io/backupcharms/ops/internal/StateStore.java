package io.backupcharms.ops.internal;

/** Where the framework's state lives between hooks. */
public interface StateStore extends AutoCloseable {
  /**
   * Reads the state committed by the last successful hook; empty the very first time.
   *
   * @throws StateCorruptError if what is there cannot be read
   */
  PersistedState load();

  /** Commits the state atomically. */
  void commit(PersistedState state);

  /** Releases any lock; never throws. */
  @Override
  void close();
}
