package io.backupcharms.fd.plan;

import io.backupcharms.ops.Status;
import java.util.Map;
import java.util.Optional;

/**
 * What this unit should make true this hook, derived from the model alone by {@link PlanBuilder}:
 * the File Daemon's package and service, the bag it publishes to bacula-server and, when everything
 * is known, the daemon's setup. The charm applies it and reports {@link #problem}, or, once the
 * daemon serves, how its last backup went.
 *
 * @param needsPackage whether to install bacula-fd; false when the hook stops before touching the
 *     machine (another unit owns it, or the config is invalid)
 * @param service the state the File Daemon's service should be in
 * @param unitBag what this unit's {@code bacula-dir} bag holds, by key of {@code
 *     FileDaemonUnitData.KEYS}: an empty map withdraws the client; empty leaves the bag as it is
 * @param daemon the setup to run, present exactly when {@code service} is {@link Service#RUNNING}
 * @param problem what stops the hook before the daemon serves, if anything does
 */
public record FileDaemonPlan(
    boolean needsPackage,
    Service service,
    Optional<Map<String, String>> unitBag,
    Optional<DaemonSetup> daemon,
    Optional<Status> problem) {
  /** The File Daemon's service state. */
  public enum Service {
    /** Serving {@link #daemon}. */
    RUNNING,
    /** Stopped: without a Director there is nobody to serve, so no daemon listens. */
    STOPPED,
    /** Left as it is, while something the daemon needs is missing. */
    UNCHANGED
  }

  public FileDaemonPlan {
    unitBag = unitBag.map(Map::copyOf);
    if (daemon.isPresent() != (service == Service.RUNNING)) {
      throw new IllegalArgumentException("a daemon setup goes with RUNNING, and only with it");
    }
  }

  /** A hook that stops at {@code problem}, with the package and the service as given. */
  static FileDaemonPlan halted(
      boolean needsPackage, Service service, Optional<Map<String, String>> unitBag, Status why) {
    return new FileDaemonPlan(needsPackage, service, unitBag, Optional.empty(), Optional.of(why));
  }
}
