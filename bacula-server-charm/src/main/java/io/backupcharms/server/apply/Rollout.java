package io.backupcharms.server.apply;

import io.backupcharms.bacula.apply.ApplyResult;
import io.backupcharms.bacula.apply.CheckedFile;
import io.backupcharms.bacula.apply.ConfigApplier;
import io.backupcharms.bacula.apply.ConfigRejectedException;
import io.backupcharms.bacula.apply.ConfigValidator;
import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.apply.DirectorControl;
import io.backupcharms.bacula.apply.ReloadFailedException;
import io.backupcharms.bacula.apply.ServiceControl;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.console.ConsoleException;
import io.backupcharms.bacula.render.BaculaRenderer;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.Clients;
import io.backupcharms.server.config.BaculaPlan;
import io.backupcharms.server.config.PlanAssembly;
import io.backupcharms.server.config.PlanBuilder;
import io.backupcharms.server.workload.ServerLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges the machine on the desired configuration. A client whose resources the Bacula model or
 * {@code bacula-dir -t} refuses is moved to the rejected clients and left out; everyone else is
 * applied. Only a configuration that is wrong without any client (settings, catalog) stops the
 * rollout, leaving the running daemons on their last good files.
 */
public final class Rollout {

  private static final Logger LOG = LoggerFactory.getLogger(Rollout.class);

  /**
   * What was put in service.
   *
   * @param clients the clients after Bacula's own checks (newly refused ones are rejected)
   * @param director whether the Director's file changed
   * @param storage whether the Storage Daemon's file changed
   */
  public record Result(
      Clients clients, ApplyResult director, ApplyResult storage, Optional<String> deferred) {

    /** Everything applied. */
    public Result(Clients clients, ApplyResult director, ApplyResult storage) {
      this(clients, director, storage, Optional.empty());
    }
  }

  /** Marks a Director restart put off because jobs ran; the next hook retries it. */
  private Path restartPending() {
    return layout.workingDirectory().resolve(".charm-director-restart-pending");
  }

  private final ConfigApplier applier;
  private final ServerLayout layout;
  private final ServiceControl daemons;
  private final Supplier<DirectorControl> console;
  private final BaculaVersion version;

  /**
   * @param validator runs the daemons' own {@code -t}
   * @param version the installed daemons' version, which every file is rendered for
   * @param layout where the files go
   * @param daemons starts and restarts the daemons
   * @param console a console on the running Director, used only when its file changed: it reloads
   *     and checks that the Director now knows exactly the new Jobs and Clients
   */
  public Rollout(
      ConfigValidator validator,
      BaculaVersion version,
      ServerLayout layout,
      ServiceControl daemons,
      Supplier<DirectorControl> console) {
    this.applier = new ConfigApplier(validator, version);
    this.version = version;
    this.layout = layout;
    this.daemons = daemons;
    this.console = console;
  }

  private static boolean isLive(Path live, String text) {
    try {
      return Files.isRegularFile(live) && Files.readString(live).equals(text);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The Director's running and queued jobs; 0 when it cannot answer (then it runs none worth
   * keeping).
   */
  private int activeJobs() {
    try (LazyConsole control = new LazyConsole(console)) {
      return control.activeJobs();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * Restarts the Director so it reads its file, unless jobs run: a restart kills them. Then the
   * restart waits for a later hook (update-status at the latest), and the reason is returned for
   * the status.
   */
  private Optional<String> restartUnlessBusy(DirectorControl control, String why) {
    int active;
    try {
      active = control.activeJobs();
    } catch (ConsoleException e) {
      active = 0; // A Director that cannot answer runs nothing worth keeping.
    }
    try {
      if (active > 0) {
        Files.writeString(restartPending(), why + "\n");
        LOG.warn(
            "{} jobs run: the Director restart that applies the new file waits for them", active);
        return Optional.of(
            "configuration change waits for "
                + active
                + " running job"
                + (active == 1 ? "" : "s")
                + " to end; the Director restarts then");
      }
      LOG.info("restarting the Director so it runs the new file ({})", why);
      daemons.restart(Daemon.DIRECTOR);
      Files.deleteIfExists(restartPending());
      return Optional.empty();
    } catch (IOException e) {
      throw new RolloutException(
          "cannot record the pending Director restart in "
              + restartPending()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Checks, installs and (re)starts or reloads.
   *
   * @throws RolloutException when the configuration is refused even without clients, or a daemon
   *     cannot be started
   */
  public Result apply(PlanBuilder builder, Clients clients) {
    try {
      return rollOut(builder, clients);
    } catch (RolloutException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RolloutException("failed to apply bacula configuration: " + e.getMessage(), e);
    }
  }

  private Result rollOut(PlanBuilder builder, Clients clients) {
    PlanAssembly assembly = builder.assemble(clients.ready());
    for (PlanAssembly.Refusal r : assembly.refused()) {
      clients = clients.withRejected(r.client(), r.reason());
    }
    BaculaPlan plan = assembly.plan();
    CheckedFile checked;
    try {
      // Rendered and checked once; these very bytes are installed below.
      checked = applier.checkDirector(plan.director(), layout.directorConfig());
    } catch (ConfigRejectedException together) {
      // Rare: find out whose resources the Director refuses, one client at a time.
      refusal(builder.build(List.of()).director())
          .ifPresent(
              base -> {
                throw new RolloutException(
                    "bacula-dir -t refuses the server's own configuration: " + base);
              });
      for (ClientSpec c : clients.ready()) {
        Optional<String> own = refusal(builder.build(List.of(c)).director());
        if (own.isPresent()) {
          clients = clients.withRejected(c, "the Director refuses its resources: " + own.get());
        }
      }
      plan = builder.build(clients.ready());
      try {
        checked = applier.checkDirector(plan.director(), layout.directorConfig());
      } catch (ConfigRejectedException e) {
        throw new RolloutException(
            "bacula-dir -t refuses the configuration of the remaining clients "
                + "together: "
                + lastLines(e.daemonOutput()));
      }
    }
    try (CheckedFile director = checked) {
      return install(plan, director, clients);
    }
  }

  /** What {@code bacula-dir -t} says of {@code config}, or empty when it accepts it. */
  private Optional<String> refusal(DirectorConfig config) {
    try {
      applier.checkDirector(config, layout.directorConfig()).close();
      return Optional.empty();
    } catch (ConfigRejectedException e) {
      return Optional.of(lastLines(e.daemonOutput()));
    }
  }

  /** The last two lines of a daemon's complaint, where it names the file, line and resource. */
  private static String lastLines(String output) {
    String[] lines = output.strip().split("\n");
    return String.join(
        " ",
        Arrays.stream(lines, Math.max(0, lines.length - 2), lines.length)
            .map(String::strip)
            .toList());
  }

  private Result install(BaculaPlan plan, CheckedFile checkedDirector, Clients clients) {
    Optional<String> deferred = Optional.empty();
    ApplyResult storage = ApplyResult.UNCHANGED;
    String storageText = BaculaRenderer.render(plan.storage(), version);
    int storageBusy =
        daemons.isActive(Daemon.STORAGE) && !isLive(layout.storageConfig(), storageText)
            ? activeJobs()
            : 0;
    if (storageBusy > 0) {
      // The Storage Daemon reads its file only at start, and a restart kills every job it
      // writes: a new certificate or limit waits, on the running daemon's last good file.
      LOG.warn(
          "{} jobs run: the Storage Daemon restart that applies its new file waits for them",
          storageBusy);
      deferred =
          Optional.of(
              "Storage Daemon configuration change waits for "
                  + storageBusy
                  + " running job"
                  + (storageBusy == 1 ? "" : "s")
                  + " to end");
    } else {
      storage = applier.apply(Daemon.STORAGE, layout.storageConfig(), storageText);
      // A stopped daemon reads its new file when it starts just below.
      if (storage == ApplyResult.REPLACED && daemons.isActive(Daemon.STORAGE)) {
        daemons.restart(Daemon.STORAGE);
      }
    }
    if (!daemons.isActive(Daemon.STORAGE)) {
      daemons.start(Daemon.STORAGE);
    }
    Optional<String> storageWait = deferred;
    ApplyResult director;
    if (daemons.isActive(Daemon.DIRECTOR)) {
      try (LazyConsole control = new LazyConsole(console)) {
        try {
          director = applier.installDirector(checkedDirector, plan.director(), control);
          if (director == ApplyResult.UNCHANGED && Files.exists(restartPending())) {
            deferred =
                restartUnlessBusy(control, "a restart put off while jobs ran")
                    .or(() -> storageWait);
          }
        } catch (ReloadFailedException | ConsoleException e) {
          // The checked file is installed but the running Director did not take it (an error,
          // or a reload it ignored, which the generation mark shows). Left so, the next hook
          // would find the file unchanged and never reload: restart instead, once no job runs.
          LOG.warn("the Director did not take the new file ({})", e.getMessage());
          director = ApplyResult.REPLACED;
          deferred = restartUnlessBusy(control, e.getMessage()).or(() -> storageWait);
        }
      }
    } else {
      director = checkedDirector.install();
      daemons.start(Daemon.DIRECTOR);
    }
    return new Result(clients, director, storage, deferred);
  }
}
