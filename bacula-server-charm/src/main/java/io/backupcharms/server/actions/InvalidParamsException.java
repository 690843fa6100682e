package io.backupcharms.server.actions;

import io.backupcharms.server.problem.ServerProblem;
import java.util.List;

/** Action parameters that cannot be used; the message lists every problem and what is allowed. */
public final class InvalidParamsException extends ServerProblem {

  private final transient List<String> problems;

  public InvalidParamsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One sentence per problem. */
  public List<String> problems() {
    return problems;
  }
}
