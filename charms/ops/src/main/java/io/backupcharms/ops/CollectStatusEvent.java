package io.backupcharms.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Emitted by the framework at the end of every hook and action: observers add the statuses that
 * currently apply, and the one with the highest {@link Status#priority()} is set (error, blocked,
 * maintenance, waiting, active). The application status is set only on the leader. If no observer
 * adds a status, the status is left as it was.
 */
public final class CollectStatusEvent implements Event {
  private final List<Status> unit = new ArrayList<>();
  private final List<Status> app = new ArrayList<>();

  /** Created by the framework. */
  public CollectStatusEvent() {}

  /** Adds a candidate unit status. */
  public void addStatus(Status status) {
    unit.add(requireSettable(status));
  }

  /** Adds a candidate application status (applied on the leader only). */
  public void addAppStatus(Status status) {
    app.add(requireSettable(status));
  }

  /** The unit status that wins, if any was added. */
  public Optional<Status> unitStatus() {
    return highest(unit);
  }

  /** The application status that wins, if any was added. */
  public Optional<Status> appStatus() {
    return highest(app);
  }

  private static Optional<Status> highest(List<Status> statuses) {
    // A plain loop rather than a stream with a comparator: this runs in every hook, and each
    // lambda of the JDK's own classes is spun at run time. Ties: the earliest added wins.
    Status best = null;
    for (Status s : statuses) {
      if (best == null || s.priority() > best.priority()) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Status requireSettable(Status status) {
    if (status instanceof ErrorStatus || status instanceof UnknownStatus) {
      throw new IllegalArgumentException(
          "collect-status cannot add \""
              + status.name()
              + "\"; use active, blocked, waiting or maintenance");
    }
    return status;
  }
}
