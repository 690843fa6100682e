package io.backupcharms.server.actions;

import io.backupcharms.server.problem.ServerProblem;
import java.util.Map;

/**
 * An action could not do its work. The message says why, in the Director's words where it gave any;
 * {@link #results()} holds what is known anyway (e.g. the job id of a failed backup).
 */
public final class ActionFailedException extends ServerProblem {

  private final transient Map<String, ?> results;

  public ActionFailedException(String message, Map<String, ?> results) {
    super(message);
    this.results = Map.copyOf(results);
  }

  /** Results to report even though the action failed. */
  public Map<String, ?> results() {
    return results;
  }
}
