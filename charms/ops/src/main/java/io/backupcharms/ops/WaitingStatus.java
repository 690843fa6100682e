package io.backupcharms.ops;

/** The workload waits for something outside this unit (a relation, another application). */
public record WaitingStatus(String message) implements Status {
  public WaitingStatus {
    message = message == null ? "" : message;
  }

  /** With an empty message. */
  public WaitingStatus() {
    this("");
  }

  @Override
  public String name() {
    return "waiting";
  }

  @Override
  public int priority() {
    return 3;
  }
}
