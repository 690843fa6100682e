package io.backupcharms.ops.testing;

import java.util.List;

/**
 * The arranged {@link State} and {@link Trigger} could not happen in Juju (a relation event for a
 * relation that is not in the state, an undeclared endpoint or action, ...). Lists every problem.
 */
public final class InconsistentStateError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public InconsistentStateError(List<String> problems) {
    super("inconsistent test setup: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
