package io.backupcharms.server.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validated parameters of {@code restore}.
 *
 * @param backupId the job id to restore; empty = the client's latest successful backup
 * @param where directory the files land under; {@code /} restores in place
 * @param replace Bacula's replace keyword: always, ifnewer or never
 */
public record RestoreRequest(String client, Optional<Long> backupId, String where, String replace) {

  static final List<String> REPLACE = List.of("always", "ifnewer", "never");

  /**
   * @throws InvalidParamsException listing every bad parameter
   */
  public static RestoreRequest parse(Map<String, ?> raw) {
    Params params = new Params(raw, Set.of("client", "backup-id", "where", "replace"));
    var client = params.client(true);
    var backupId = params.integer("backup-id", 1, Integer.MAX_VALUE);
    String where = params.directory("where", "/");
    String replace = params.choice("replace", REPLACE, "always");
    params.check();
    return new RestoreRequest(client.orElseThrow(), backupId, where, replace);
  }
}
