package io.backupcharms.ops;

/** The workload is ready and serving. */
public record ActiveStatus(String message) implements Status {
  public ActiveStatus {
    message = message == null ? "" : message;
  }

  /** With an empty message. */
  public ActiveStatus() {
    this("");
  }

  @Override
  public String name() {
    return "active";
  }

  @Override
  public int priority() {
    return 2;
  }
}
