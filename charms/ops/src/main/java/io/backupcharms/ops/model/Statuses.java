package io.backupcharms.ops.model;

import io.backupcharms.ops.ErrorStatus;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.UnknownStatus;

final class Statuses {
  private Statuses() {}

  static void requireSettable(Status status) {
    if (status instanceof ErrorStatus || status instanceof UnknownStatus) {
      throw new IllegalArgumentException(
          "a charm cannot set status \""
              + status.name()
              + "\"; use active, blocked, waiting or maintenance");
    }
  }
}
