package io.backupcharms.fd.plan;

import java.util.List;

/** The charm's config has values it cannot use; the unit goes blocked with every problem listed. */
final class InvalidConfigException extends FdProblem {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidConfigException(List<String> problems) {
    super("invalid config: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
