package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.BaculaException;
import java.nio.file.Path;

/**
 * The daemon's own {@code -t} check rejected a candidate file; the live file was left untouched.
 * {@link #daemonOutput()} is what the daemon printed (the line and column it objected to).
 */
public final class ConfigRejectedException extends BaculaException {
  private final Daemon daemon;
  private final Path liveFile;
  private final int exitCode;
  private final String daemonOutput;

  ConfigRejectedException(Daemon daemon, Path liveFile, int exitCode, String daemonOutput) {
    super(
        daemon.binary()
            + " -t rejected the new configuration for "
            + liveFile
            + " (exit code "
            + exitCode
            + "); the running configuration is unchanged. Fix the resource it names:\n"
            + daemonOutput.strip());
    this.daemon = daemon;
    this.liveFile = liveFile;
    this.exitCode = exitCode;
    this.daemonOutput = daemonOutput;
  }

  /** The daemon whose check failed. */
  public Daemon daemon() {
    return daemon;
  }

  /** The live file that was kept. */
  public Path liveFile() {
    return liveFile;
  }

  /** The check's exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** What the daemon printed. */
  public String daemonOutput() {
    return daemonOutput;
  }
}
