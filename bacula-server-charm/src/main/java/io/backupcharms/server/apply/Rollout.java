package io.backupcharms.server.apply;

import io.backupcharms.bacula.apply.ApplyResult;
import io.backupcharms.bacula.apply.ConfigApplier;
import io.backupcharms.bacula.apply.ConfigValidator;
import io.backupcharms.bacula.apply.ServiceControl;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.Clients;
import io.backupcharms.server.config.BaculaPlan;
import io.backupcharms.server.config.PlanBuilder;
import io.backupcharms.server.workload.ServerPaths;
import io.backupcharms.server.workload.Services;
import java.util.List;
import java.util.Optional;

/**
 * Converges the machine on the desired configuration. A client whose resources the Bacula model
 * or {@code bacula-dir -t} refuses is moved to the rejected clients and left out; everyone else is
 * applied. Only a configuration that is wrong without any client (settings, catalog) stops the
 * rollout, leaving the running daemons on their last good files.
 */
public final class Rollout {

  /**
   * What was put in service.
   *
   * @param clients the clients after Bacula's own checks (newly refused ones are rejected)
   * @param director whether the Director's file changed
   * @param storage whether the Storage Daemon's file changed
   */
  public record Result(Clients clients, ApplyResult director, ApplyResult storage) {}

  private final ConfigApplier applier;
  private final CandidateCheck check;

  /** A rollout with the Debian binaries and Debian's file locations. */
  public Rollout() {
    ConfigValidator validator = new ConfigValidator();
    this.applier = new ConfigApplier(validator);
    this.check = new CandidateCheck(validator, ServerPaths.DIRECTOR_CONFIG);
  }

  /**
   * Checks, installs and (re)starts or reloads.
   *
   * @param reload makes the running Director read its new file; only called when the Director
   *     runs and its file changed
   * @throws RolloutException when the configuration is refused even without clients, or a daemon
   *     cannot be started
   */
  public Result apply(PlanBuilder builder, Clients clients, Runnable reload) {
    for (ClientSpec c : clients.ready()) {
      Optional<String> problem = builder.problemOf(c);
      if (problem.isPresent()) {
        clients = clients.withRejected(c, problem.get());
      }
    }
    BaculaPlan plan = builder.build(clients.ready());
    Optional<String> refused = check.problems(plan.director());
    if (refused.isPresent()) {
      Optional<String> base = check.problems(builder.build(List.of()).director());
      if (base.isPresent()) {
        throw new RolloutException(
            "bacula-dir -t refuses the server's own configuration: " + base.get());
      }
      for (ClientSpec c : clients.ready()) {
        Optional<String> own = check.problems(builder.build(List.of(c)).director());
        if (own.isPresent()) {
          clients = clients.withRejected(c, "the Director refuses its resources: " + own.get());
        }
      }
      plan = builder.build(clients.ready());
      refused = check.problems(plan.director());
      if (refused.isPresent()) {
        throw new RolloutException(
            "bacula-dir -t refuses the configuration of the remaining clients together: "
                + refused.get());
      }
    }
    try {
      ApplyResult storage =
          applier.applyStorageDaemon(plan.storage(), ServerPaths.STORAGE_CONFIG, ServiceControl.systemctl());
      if (!Services.isActive(Services.STORAGE)) {
        Services.start(Services.STORAGE);
      }
      ApplyResult director;
      if (Services.isActive(Services.DIRECTOR)) {
        director = applier.applyDirector(plan.director(), ServerPaths.DIRECTOR_CONFIG);
        if (director == ApplyResult.REPLACED) {
          reload.run();
        }
      } else {
        director = applier.applyDirector(plan.director(), ServerPaths.DIRECTOR_CONFIG);
        Services.start(Services.DIRECTOR);
      }
      return new Result(clients, director, storage);
    } catch (RuntimeException e) {
      if (e instanceof RolloutException) {
        throw e;
      }
      throw new RolloutException("failed to apply bacula configuration: " + e.getMessage(), e);
    }
  }
}
