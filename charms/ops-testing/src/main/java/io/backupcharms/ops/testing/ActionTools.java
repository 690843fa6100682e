package io.backupcharms.ops.testing;

import java.util.List;
import java.util.Map;

/** action-get, action-set, action-fail, action-log; outside an action they fail as in Juju. */
final class ActionTools {
  private final Sandbox box;

  ActionTools(Sandbox box) {
    this.box = box;
  }

  Map<String, Object> actionGet() {
    requireAction("action-get");
    return box.actionParams;
  }

  void actionSet(Map<String, String> results) {
    requireAction("action-set");
    box.actionResults.putAll(results);
  }

  void actionFail(String message) {
    requireAction("action-fail");
    box.actionFailure = message;
  }

  void actionLog(String message) {
    requireAction("action-log");
    box.actionLogs.add(message);
  }

  private void requireAction(String tool) {
    if (box.actionParams == null) {
      throw Sandbox.fail(List.of(tool), 1, "not running an action");
    }
  }
}
