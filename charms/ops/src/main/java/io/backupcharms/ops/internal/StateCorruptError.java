package io.backupcharms.ops.internal;

/**
 * The stored-state file cannot be read. Never reset silently: the charm would forget what it did
 * and drop deferred events.
 */
public final class StateCorruptError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateCorruptError(String source, String problem, Throwable cause) {
    super(
        "stored state "
            + source
            + " is corrupt: "
            + problem
            + ". The hook stops here so no state is lost; inspect the file, repair it or move it"
            + " away deliberately (that drops stored state and deferred events), then resolve the"
            + " unit",
        cause);
  }
}
