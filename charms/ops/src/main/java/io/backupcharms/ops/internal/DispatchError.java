package io.backupcharms.ops.internal;

/** The hook environment is unusable, e.g. a variable Juju always sets is missing. */
public final class DispatchError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DispatchError(String message) {
    super(message);
  }
}
