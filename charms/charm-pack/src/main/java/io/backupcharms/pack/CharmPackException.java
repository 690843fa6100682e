package io.backupcharms.pack;

import java.util.List;

/** Packing failed; the message says which file or option is wrong and what to do. */
public class CharmPackException extends RuntimeException {
  private final transient List<String> problems;

  /** One problem. */
  public CharmPackException(String message) {
    this(List.of(message));
  }

  /** One problem, with its cause. */
  public CharmPackException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of(message);
  }

  /** Every problem found, reported together. */
  public CharmPackException(List<String> problems) {
    super(String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
