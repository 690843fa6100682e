package io.backupcharms.ops.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an action run left: the new state, the results (nested as {@code setResults} gave them), the
 * progress messages, and the failure message if the action failed.
 */
public record ActionOutput(
    State state, Map<String, Object> results, List<String> logs, Optional<String> failure) {
  public ActionOutput {
    results = Map.copyOf(results);
    logs = List.copyOf(logs);
  }

  public boolean isFailed() {
    return failure.isPresent();
  }
}
