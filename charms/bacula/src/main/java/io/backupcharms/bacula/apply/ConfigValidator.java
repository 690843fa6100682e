package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Checks a configuration file with the daemon's own parser: {@code bacula-dir -t -c FILE}. For the
 * Director this also opens the catalog, so a SQLite catalog file must exist ({@link
 * CatalogSetup#createSqlite}).
 */
public final class ConfigValidator {
  private final Function<Daemon, String> program;
  private final Duration timeout;

  /** A validator running the Debian binaries in {@code /usr/sbin}. */
  public ConfigValidator() {
    this(Daemon::path, Duration.ofSeconds(60));
  }

  /**
   * A validator running {@code program.apply(daemon)} instead, e.g. a wrapper entering a namespace.
   */
  public ConfigValidator(Function<Daemon, String> program, Duration timeout) {
    this.program = program;
    this.timeout = timeout;
  }

  /**
   * Validates {@code file} as {@code daemon}'s configuration.
   *
   * @param liveFile the file the candidate is meant to replace, named in the error
   * @throws ConfigRejectedException with the daemon's output when it rejects the file
   */
  public void validate(Daemon daemon, Path file, Path liveFile) {
    CommandResult r =
        Command.of(
                List.of(program.apply(daemon), "-t", "-c", file.toAbsolutePath().toString()),
                timeout)
            .run()
            .requireExited();
    if (r.exitCode() != 0) {
      throw new ConfigRejectedException(
          daemon,
          liveFile,
          r.exitCode(),
          r.output().replace(file.toAbsolutePath().toString(), liveFile.toString()));
    }
  }
}
