package io.backupcharms.bacula.apply;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A configuration file that passed its daemon's {@code -t}, waiting next to the live file to be put
 * in service. Installing it renames exactly the bytes that were checked over the live file, so
 * nothing is rendered or checked twice; closing it without installing removes the candidate.
 */
public final class CheckedFile implements AutoCloseable {
  private final Daemon daemon;
  private final Path live;
  private final Optional<Path> candidate;
  private boolean installed;

  private CheckedFile(Daemon daemon, Path live, Optional<Path> candidate) {
    this.daemon = daemon;
    this.live = live;
    this.candidate = candidate;
  }

  /** The live file already holds these bytes: nothing to check or install. */
  static CheckedFile unchanged(Daemon daemon, Path live) {
    return new CheckedFile(daemon, live, Optional.empty());
  }

  /** A candidate the daemon accepted. */
  static CheckedFile accepted(Daemon daemon, Path live, Path candidate) {
    return new CheckedFile(daemon, live, Optional.of(candidate));
  }

  /** The daemon whose file this is. */
  public Daemon daemon() {
    return daemon;
  }

  /** Whether the live file already holds these bytes. */
  public boolean isUnchanged() {
    return candidate.isEmpty();
  }

  /**
   * Puts the checked bytes in service, atomically; a second call does nothing.
   *
   * @return {@link ApplyResult#UNCHANGED} when the live file already held them
   */
  public ApplyResult install() {
    if (candidate.isEmpty()) {
      return ApplyResult.UNCHANGED;
    }
    if (!installed) {
      AtomicFile.replace(candidate.get(), live);
      installed = true;
    }
    return ApplyResult.REPLACED;
  }

  /** Removes the candidate unless it was installed. */
  @Override
  public void close() {
    if (!installed) {
      candidate.ifPresent(AtomicFile::deleteQuietly);
    }
  }
}
