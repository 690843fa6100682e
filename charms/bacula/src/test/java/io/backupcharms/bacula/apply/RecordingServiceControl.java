package io.backupcharms.bacula.apply;

import java.util.ArrayList;
import java.util.List;

/** Records the daemons restarted through it, then passes the restart on (when it has a target). */
final class RecordingServiceControl implements ServiceControl {
  private final ServiceControl target;
  private final List<Daemon> restarted = new ArrayList<>();

  /**
   * Passes calls on to {@code target}; with {@code null}, every daemon runs and nothing happens.
   */
  RecordingServiceControl(ServiceControl target) {
    this.target = target;
  }

  /** The daemons restarted so far, in order; the live list. */
  List<Daemon> restarted() {
    return restarted;
  }

  @Override
  public boolean isActive(Daemon daemon) {
    return target == null || target.isActive(daemon);
  }

  @Override
  public void start(Daemon daemon) {
    if (target != null) {
      target.start(daemon);
    }
  }

  @Override
  public void restart(Daemon daemon) {
    restarted.add(daemon);
    if (target != null) {
      target.restart(daemon);
    }
  }
}
