package io.backupcharms.ops;

/** The workload needs an operator's action, which the message names. */
public record BlockedStatus(String message) implements Status {
  public BlockedStatus {
    message = message == null ? "" : message;
  }

  /** With an empty message. */
  public BlockedStatus() {
    this("");
  }

  @Override
  public String name() {
    return "blocked";
  }

  @Override
  public int priority() {
    return 5;
  }
}
