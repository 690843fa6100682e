package io.backupcharms.ops;

/** A hook failed; only ever read back from Juju, never set by a charm. */
public record ErrorStatus(String message) implements Status {
  public ErrorStatus {
    message = message == null ? "" : message;
  }

  /** With an empty message. */
  public ErrorStatus() {
    this("");
  }

  @Override
  public String name() {
    return "error";
  }

  @Override
  public int priority() {
    return 6;
  }
}
