package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.InvalidConfigException;
import io.backupcharms.bacula.config.Job;
import io.backupcharms.bacula.config.StorageDaemonConfig;
import io.backupcharms.bacula.render.BaculaRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates and installs Bacula configuration files. A candidate is written next to the live file,
 * checked with the daemon's own {@code -t -c}, and only then renamed over the live file; when the
 * check fails the live file is untouched and the daemon's text is in the exception.
 */
public final class ConfigApplier {
  private final ConfigValidator validator;
  private final BaculaVersion version;

  /** An applier using the Debian binaries of Bacula 9.6.7. */
  public ConfigApplier() {
    this(new ConfigValidator());
  }

  /** An applier using the given validator, rendering for Bacula 9.6.7. */
  public ConfigApplier(ConfigValidator validator) {
    this(validator, BaculaVersion.V9_6_7);
  }

  /**
   * An applier using the given validator, rendering for {@code version}, the version of the daemons
   * the validator runs ({@link InstalledVersion}).
   */
  public ConfigApplier(ConfigValidator validator, BaculaVersion version) {
    this.validator = validator;
    this.version = version;
  }

  /**
   * Installs {@code content} as {@code daemon}'s file at {@code live}, without reload or restart.
   *
   * @return {@link ApplyResult#UNCHANGED} when the live file already has these bytes
   * @throws ConfigRejectedException when the daemon's check rejects the candidate
   */
  public ApplyResult apply(Daemon daemon, Path live, String content) {
    try (CheckedFile checked = check(daemon, live, content)) {
      return checked.install();
    }
  }

  /**
   * Writes {@code content} next to {@code live} and runs the daemon's {@code -t} on it, once; the
   * result installs those very bytes. Content equal to the live file is not checked again: it
   * passed when it was installed.
   *
   * @throws ConfigRejectedException when the daemon's check rejects the candidate (no file is left
   *     behind)
   */
  public CheckedFile check(Daemon daemon, Path live, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (AtomicFile.sameBytes(live, bytes)) {
      return CheckedFile.unchanged(daemon, live);
    }
    Path candidate = AtomicFile.writeCandidate(live, bytes);
    try {
      validator.validate(daemon, candidate, live);
      return CheckedFile.accepted(daemon, live, candidate);
    } catch (RuntimeException e) {
      AtomicFile.deleteQuietly(candidate);
      throw e;
    }
  }

  /**
   * Renders the Director's file once and checks it with {@code bacula-dir -t}, without installing
   * it.
   *
   * @throws InvalidConfigException for dangling references or strings Bacula cannot hold
   * @throws ConfigRejectedException when {@code bacula-dir -t} rejects it
   */
  public CheckedFile checkDirector(DirectorConfig config, Path live) {
    List<String> dangling = config.danglingReferences();
    if (!dangling.isEmpty()) {
      throw new InvalidConfigException(dangling);
    }
    return check(Daemon.DIRECTOR, live, BaculaRenderer.render(config, version));
  }

  /**
   * Renders and installs the Director's file without telling a Director (for the first start).
   *
   * @throws InvalidConfigException for dangling references or strings Bacula cannot hold
   * @throws ConfigRejectedException when {@code bacula-dir -t} rejects it
   */
  public ApplyResult applyDirector(DirectorConfig config, Path live) {
    try (CheckedFile checked = checkDirector(config, live)) {
      return checked.install();
    }
  }

  /**
   * Renders and installs the Director's file and, if it changed, reloads the running Director and
   * checks that it now lists exactly the new Jobs, Clients and Messages (with a {@link Generation}
   * mark, any change of the file shows there).
   *
   * @param director a console with access to every Job and Client (the default console)
   * @throws ReloadFailedException when the Director kept its old configuration
   */
  public ApplyResult applyDirector(DirectorConfig config, Path live, DirectorControl director) {
    try (CheckedFile checked = checkDirector(config, live)) {
      return installDirector(checked, config, director);
    }
  }

  /**
   * Installs a Director file checked by {@link #checkDirector} from {@code config} and, if it
   * changed, reloads the running Director and checks that it now lists exactly the new Jobs,
   * Clients and Messages.
   *
   * @throws ReloadFailedException when the Director kept its old configuration
   */
  public ApplyResult installDirector(
      CheckedFile checked, DirectorConfig config, DirectorControl director) {
    if (checked.daemon() != Daemon.DIRECTOR) {
      throw new IllegalArgumentException("a " + checked.daemon() + " file is not the Director's");
    }
    ApplyResult r = checked.install();
    if (r == ApplyResult.REPLACED) {
      director.reload();
      verify("Jobs", config.jobs().stream().map(Job::name).toList(), director.jobNames());
      verify(
          "Clients", config.clients().stream().map(c -> c.name()).toList(), director.clientNames());
      verify(
          "Messages",
          config.messages().stream().map(m -> m.name()).toList(),
          director.messagesNames());
    }
    return r;
  }

  /**
   * Renders and installs a File Daemon's file and restarts the File Daemon if it changed.
   *
   * @throws ConfigRejectedException when {@code bacula-fd -t} rejects it
   */
  public ApplyResult applyFileDaemon(FileDaemonConfig config, Path live, ServiceControl services) {
    ApplyResult r = apply(Daemon.FILE, live, BaculaRenderer.render(config, version));
    if (r == ApplyResult.REPLACED) {
      services.restart(Daemon.FILE);
    }
    return r;
  }

  /**
   * Renders and installs a Storage Daemon's file and restarts the Storage Daemon if it changed.
   *
   * @throws ConfigRejectedException when {@code bacula-sd -t} rejects it
   */
  public ApplyResult applyStorageDaemon(
      StorageDaemonConfig config, Path live, ServiceControl services) {
    ApplyResult r = apply(Daemon.STORAGE, live, BaculaRenderer.render(config, version));
    if (r == ApplyResult.REPLACED) {
      services.restart(Daemon.STORAGE);
    }
    return r;
  }

  private static void verify(String what, List<String> expected, List<String> actual) {
    Set<String> want = new TreeSet<>(expected);
    Set<String> have = new TreeSet<>(actual);
    if (!want.equals(have)) {
      List<String> missing = new ArrayList<>(want);
      missing.removeAll(have);
      List<String> extra = new ArrayList<>(have);
      extra.removeAll(want);
      throw new ReloadFailedException(what, missing, extra);
    }
  }
}
