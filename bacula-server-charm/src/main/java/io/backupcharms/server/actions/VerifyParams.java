package io.backupcharms.server.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code verify} action's parameters.
 *
 * @param client the client, as {@code client=} names it
 * @param backupId the backup to verify; empty for the client's latest good one
 * @param deep whether to also restore it on the client and compare every file's checksum
 */
record VerifyParams(String client, Optional<Long> backupId, boolean deep) {

  /**
   * @throws InvalidParamsException naming the parameter to fix
   */
  static VerifyParams parse(Map<String, ?> params) {
    Object client = params.get("client");
    if (!(client instanceof String c) || c.isBlank()) {
      throw new InvalidParamsException(
          List.of(
              "client is required: the unit (myapp/0) or the Bacula"
                  + " client name from list-clients"));
    }
    Object deep = params.containsKey("deep") ? params.get("deep") : Boolean.FALSE;
    if (!(deep instanceof Boolean d)) {
      throw new InvalidParamsException(List.of("deep must be true or false, got " + deep));
    }
    Object id = params.get("backup-id");
    if (id == null) {
      return new VerifyParams(c, Optional.empty(), d);
    }
    if (id instanceof Number n && n.longValue() > 0) {
      return new VerifyParams(c, Optional.of(n.longValue()), d);
    }
    throw new InvalidParamsException(
        List.of("backup-id must be a job id from list-backups, got " + id));
  }
}
