package io.backupcharms.bacula.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A RunScript block of a Job. Bacula splits {@code command} into words itself (no shell): point it
 * at a script file rather than passing shell syntax.
 *
 * @param when before or after the job
 * @param onClient run on the File Daemon (true) or on the Director (false)
 * @param command the command line, e.g. {@code /var/lib/charm/hooks/before-backup}
 * @param failJobOnError a non-zero exit fails the job (before scripts)
 * @param runsOnSuccess run after a successful job (after scripts)
 * @param runsOnFailure run after a failed job (after scripts)
 */
public record RunScript(
    When when,
    boolean onClient,
    String command,
    boolean failJobOnError,
    boolean runsOnSuccess,
    boolean runsOnFailure) {
  public RunScript {
    Check.present("RunScript", "RunsWhen", when);
    Check.nonEmpty("RunScript", "Command", command);
  }

  /**
   * Bacula splits a command on spaces, expands {@code %} codes and interprets quotes itself, so
   * only a plain absolute path reaches the client as the one program it names.
   */
  private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9_.+@=/-]{1,1023}");

  /**
   * Why Bacula could not run {@code path} as one command, or empty when it can. Charms check script
   * paths from relation data with this before they publish or render them, so the operator learns
   * it where the path was set.
   */
  public static Optional<String> problemWithScriptPath(String path) {
    if (path != null && PLAIN_PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        "cannot be run by Bacula as one command: use an absolute path of letters,"
            + " digits and _.+@=/- only (no spaces, quotes or %)");
  }

  /** A script run before the job; its failure fails the job. */
  public static RunScript before(String command, boolean onClient) {
    return new RunScript(When.BEFORE, onClient, command, true, true, false);
  }

  /** A script run after the job whatever its outcome. */
  public static RunScript after(String command, boolean onClient) {
    return new RunScript(When.AFTER, onClient, command, false, true, true);
  }

  /** When the script runs. */
  public enum When {
    BEFORE("Before"),
    AFTER("After");

    private final String bacula;

    When(String bacula) {
      this.bacula = bacula;
    }

    /** The keyword Bacula reads. */
    public String baculaName() {
      return bacula;
    }
  }
}
