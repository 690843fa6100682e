package io.backupcharms.ops;

/** The charm is doing work that takes a while (installing, migrating). */
public record MaintenanceStatus(String message) implements Status {
  public MaintenanceStatus {
    message = message == null ? "" : message;
  }

  /** With an empty message. */
  public MaintenanceStatus() {
    this("");
  }

  @Override
  public String name() {
    return "maintenance";
  }

  @Override
  public int priority() {
    return 4;
  }
}
