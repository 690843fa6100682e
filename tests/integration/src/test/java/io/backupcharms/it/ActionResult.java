package io.backupcharms.it;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A finished action: its status ({@code completed} or {@code failed}), its failure message, and its
 * results as JSON (nested keys as objects).
 */
public record ActionResult(
    String unit, String status, String message, JsonNode results, String raw) {
  /** Whether the action finished with status {@code completed}. */
  public boolean isCompleted() {
    return status.equals("completed");
  }

  /** A result as text, following dotted keys, or empty when absent. */
  public String result(String dottedKey) {
    JsonNode node = results;
    for (String part : dottedKey.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  @Override
  public String toString() {
    return unit + " " + status + (message.isEmpty() ? "" : " \"" + message + "\"") + " " + results;
  }
}
