package io.backupcharms.ops;

/**
 * A unit or application workload status. The four a charm sets are {@link ActiveStatus}, {@link
 * BlockedStatus}, {@link WaitingStatus} and {@link MaintenanceStatus}; {@link ErrorStatus} and
 * {@link UnknownStatus} are only ever read back from Juju.
 *
 * <p>{@link #priority()} orders statuses for collect-status: the highest wins (error, blocked,
 * maintenance, waiting, active, unknown), as in ops.
 */
public sealed interface Status
    permits ActiveStatus,
        BlockedStatus,
        WaitingStatus,
        MaintenanceStatus,
        ErrorStatus,
        UnknownStatus {

  /** The status message shown in {@code juju status}. */
  String message();

  /** Juju's name for it: {@code active}, {@code blocked}, ... */
  String name();

  /** Higher wins in collect-status. */
  int priority();

  /**
   * Builds the status Juju reports under {@code name}.
   *
   * @throws IllegalArgumentException for a name Juju does not use
   */
  static Status of(String name, String message) {
    return switch (name) {
      case "active" -> new ActiveStatus(message);
      case "blocked" -> new BlockedStatus(message);
      case "waiting" -> new WaitingStatus(message);
      case "maintenance" -> new MaintenanceStatus(message);
      case "error" -> new ErrorStatus(message);
      case "unknown", "" -> new UnknownStatus(message);
      default ->
          throw new IllegalArgumentException(
              "unknown workload status \""
                  + name
                  + "\"; expected active, blocked, waiting, maintenance, error or unknown");
    };
  }
}
