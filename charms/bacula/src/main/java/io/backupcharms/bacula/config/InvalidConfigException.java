package io.backupcharms.bacula.config;

import io.backupcharms.bacula.BaculaException;
import java.util.List;

/**
 * A Bacula model value is invalid. The message names the resource and field; {@link #problems()}
 * lists every problem found, not only the first.
 */
public final class InvalidConfigException extends BaculaException {
  private final List<String> problems;

  /** Creates the exception from one or more problem descriptions. */
  public InvalidConfigException(List<String> problems) {
    super(
        problems.size() == 1
            ? problems.get(0)
            : problems.size()
                + " problems in the Bacula configuration:\n  - "
                + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception from a single problem. */
  public InvalidConfigException(String problem) {
    this(List.of(problem));
  }

  /** Every problem found, each naming its resource and field. */
  public List<String> problems() {
    return problems;
  }
}
