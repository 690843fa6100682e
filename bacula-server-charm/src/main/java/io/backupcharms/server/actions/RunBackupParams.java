package io.backupcharms.server.actions;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validated parameters of {@code run-backup}. */
public record RunBackupParams(String client, String level) {

  static final List<String> LEVELS = List.of("Full", "Incremental", "Differential");

  /**
   * @throws InvalidParamsException listing every bad parameter
   */
  public static RunBackupParams parse(Map<String, ?> raw) {
    Params params = new Params(raw, Set.of("client", "level"));
    var client = params.client(true);
    String level = params.choice("level", LEVELS, "Incremental");
    params.check();
    return new RunBackupParams(client.orElseThrow(), level);
  }
}
