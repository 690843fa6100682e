package io.backupcharms.ops.testing;

import io.backupcharms.ops.Status;
import io.backupcharms.ops.hooktools.StatusInfo;
import java.util.List;

/** status-set, status-get, application-version-set. */
final class StatusTools {
  private final Sandbox box;

  StatusTools(Sandbox box) {
    this.box = box;
  }

  void statusSet(boolean application, String status, String message) {
    List<String> argv =
        List.of(
            "status-set",
            "--application=" + (application ? "True" : "False"),
            status,
            "--",
            message);
    if (!List.of("active", "blocked", "waiting", "maintenance").contains(status)) {
      throw Sandbox.fail(
          argv,
          2,
          "invalid status \""
              + status
              + "\", expected one of [maintenance blocked waiting active]");
    }
    Status s = Status.of(status, message);
    if (application) {
      if (!box.leader) {
        throw Sandbox.fail(argv, 1, "setting application status: this unit is not the leader");
      }
      box.appStatus = s;
      box.appStatusHistory.add(s);
    } else {
      box.unitStatus = s;
      box.unitStatusHistory.add(s);
    }
  }

  StatusInfo statusGet(boolean application) {
    if (application && !box.leader) {
      throw Sandbox.fail(
          List.of("status-get", "--application=True"),
          1,
          "finding application status: this unit is not the leader");
    }
    Status s = application ? box.appStatus : box.unitStatus;
    return new StatusInfo(s.name(), s.message());
  }

  void applicationVersionSet(String version) {
    box.workloadVersion = version;
  }
}
