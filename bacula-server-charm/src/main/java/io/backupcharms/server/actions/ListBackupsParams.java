package io.backupcharms.server.actions;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Validated parameters of {@code list-backups}. */
public record ListBackupsParams(Optional<String> client, int limit) {

  /**
   * @throws InvalidParamsException listing every bad parameter
   */
  public static ListBackupsParams parse(Map<String, ?> raw) {
    Params params = new Params(raw, Set.of("client", "limit"));
    var client = params.client(false);
    long limit = params.integer("limit", 1, 1000).orElse(20L);
    params.check();
    return new ListBackupsParams(client, (int) limit);
  }
}
