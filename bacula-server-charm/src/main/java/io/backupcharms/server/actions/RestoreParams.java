package io.backupcharms.server.actions;

import io.backupcharms.bacula.config.Replace;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validated parameters of {@code restore}.
 *
 * @param client whose backup to restore: a unit (related now or gone) or a Bacula client name
 * @param target the unit whose File Daemon receives the files; empty = the client itself
 * @param allowOtherApplication whether {@code target} may belong to another application
 * @param paths absolute files and directories to restore; empty = everything in the backup
 * @param backupId the job id to restore; empty = the client's latest successful backup
 * @param where directory the files land under; {@code /} restores in place
 * @param replace what to do with files that exist: always, ifnewer or never
 */
public record RestoreParams(
    String client,
    Optional<String> target,
    boolean allowOtherApplication,
    List<String> paths,
    Optional<Long> backupId,
    String where,
    Replace replace) {

  static final List<String> REPLACE = List.of("always", "ifnewer", "never");

  public RestoreParams {
    paths = List.copyOf(paths);
  }

  /**
   * @throws InvalidParamsException listing every bad parameter
   */
  public static RestoreParams parse(Map<String, ?> raw) {
    Params params =
        new Params(
            raw,
            Set.of(
                "client",
                "target",
                "allow-other-application",
                "paths",
                "backup-id",
                "where",
                "replace"));
    var client = params.client(true);
    var target = params.unit("target");
    boolean other = params.bool("allow-other-application", false);
    List<String> paths = params.paths("paths");
    var backupId = params.integer("backup-id", 1, Integer.MAX_VALUE);
    String where = params.directory("where", "/");
    String replace = params.choice("replace", REPLACE, "always");
    params.check();
    Replace policy =
        Arrays.stream(Replace.values())
            .filter(r -> r.baculaName().equals(replace))
            .findFirst()
            .orElseThrow();
    return new RestoreParams(client.orElseThrow(), target, other, paths, backupId, where, policy);
  }
}
