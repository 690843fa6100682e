package io.backupcharms.ops;

/** No status was set yet; only ever read back from Juju. */
public record UnknownStatus(String message) implements Status {
  public UnknownStatus {
    message = message == null ? "" : message;
  }

  /** With an empty message. */
  public UnknownStatus() {
    this("");
  }

  @Override
  public String name() {
    return "unknown";
  }

  @Override
  public int priority() {
    return 1;
  }
}
