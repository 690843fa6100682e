package io.backupcharms.it;

/**
 * One unit's line in {@code status}: workload status and message, and the agent's state.
 *
 * @param unit the unit name, e.g. {@code bacula-fd/0}
 * @param workload {@code active}, {@code blocked}, {@code waiting}, {@code maintenance}, {@code
 *     error}...
 * @param message the workload message
 * @param agent {@code idle}, {@code executing}, {@code allocating}...
 * @param principal the principal unit for a subordinate, else empty
 * @param address the unit's address (the machine's loopback address on localjuju)
 */
public record UnitStatus(
    String unit, String workload, String message, String agent, String principal, String address) {
  /** Whether the workload status is {@code workloadStatus}. */
  public boolean is(String workloadStatus) {
    return workload.equals(workloadStatus);
  }

  /** The application the unit belongs to. */
  public String application() {
    return unit.substring(0, unit.indexOf('/'));
  }

  @Override
  public String toString() {
    return unit + " " + workload + "/" + agent + (message.isEmpty() ? "" : " \"" + message + "\"");
  }
}
