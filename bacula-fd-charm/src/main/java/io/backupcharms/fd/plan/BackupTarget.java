package io.backupcharms.fd.plan;

import io.backupcharms.bacula.config.RunScript;
import io.backupcharms.fd.plan.PlanInputs.BackupEnd;
import io.backupcharms.fd.plan.PlanInputs.Principal;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.schema.BackupRequirerData;
import io.backupcharms.schema.DatabagResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@code backup} relation asks this File Daemon to back up, read once and checked: the
 * interface's rules, scripts Bacula can run, and scripts only from a charm on this machine.
 *
 * @param data the accepted request
 * @param principal the principal unit it is backed up beside
 */
record BackupTarget(BackupRequirerData data, Principal principal) {
  private static final Logger LOG = LoggerFactory.getLogger(BackupTarget.class);

  /** The accepted target, or the outcome saying what is missing or wrong. */
  static Checked<BackupTarget> read(PlanInputs in) {
    if (in.backup().isEmpty()) {
      return Checked.refused(new WaitingStatus("waiting for backup relation"));
    }
    BackupEnd backup = in.backup().get();
    if (!backup.appData().containsKey(BackupRequirerData.FILESET)) {
      return Checked.refused(
          new WaitingStatus("waiting for backup relation data" + unitBagHint(backup)));
    }
    DatabagResult<BackupRequirerData> result = BackupRequirerData.fromDatabag(backup.appData());
    if (!result.isValid()) {
      return invalid(backup, result.describeErrors());
    }
    BackupRequirerData target = result.orElseThrow();
    List<String> unrunnable = unrunnableScripts(target);
    if (!unrunnable.isEmpty()) {
      return invalid(backup, String.join("; ", unrunnable));
    }
    if (in.principal().isEmpty()) {
      return Checked.refused(
          new WaitingStatus("waiting for juju-info relation with the principal application"));
    }
    Principal principal = in.principal().get();
    if (hasScripts(target)
        && backup.units().isEmpty()
        && !backup.app().map(principal.app()::equals).orElse(false)) {
      // A container-scoped relation shows the unit beside this one once it has joined.
      return Checked.refused(
          new WaitingStatus("waiting for the backup relation's unit on this machine"));
    }
    Optional<String> foreign = ScriptOrigin.problem(backup, target, principal);
    if (foreign.isPresent()) {
      LOG.warn("backup relation {}: {}", backup.relation(), foreign.get());
      return Checked.refused(new BlockedStatus(foreign.get()));
    }
    return Checked.accepted(new BackupTarget(target, principal));
  }

  private static Checked<BackupTarget> invalid(BackupEnd backup, String why) {
    LOG.warn("backup relation {}: {}", backup.relation(), why);
    return Checked.refused(new BlockedStatus("invalid backup relation data: " + why));
  }

  /**
   * The commonest mistake of a charm that writes the backup interface by hand is a plain {@code
   * relation-set}, which writes its unit's databag, not the application's: say so rather than wait
   * without a hint.
   */
  private static String unitBagHint(BackupEnd backup) {
    for (Map.Entry<String, Map<String, String>> unit : backup.units().entrySet()) {
      if (unit.getValue().containsKey(BackupRequirerData.FILESET)) {
        String app = unit.getKey().substring(0, unit.getKey().indexOf('/'));
        return ": "
            + unit.getKey()
            + " published fileset in its unit databag; the leader of "
            + app
            + " must publish it in the"
            + " application databag (relation-set --app)";
      }
    }
    return "";
  }

  private static boolean hasScripts(BackupRequirerData target) {
    return BackupRequirerData.SCRIPT_KEYS.stream().anyMatch(k -> target.script(k).isPresent());
  }

  /**
   * The target's script paths that the interface allows but Bacula would split, expand or misquote.
   * The Director refuses such a client, so this unit says so where the path was set instead of
   * staying active while no backup can run.
   */
  private static List<String> unrunnableScripts(BackupRequirerData target) {
    List<String> problems = new ArrayList<>();
    for (String key : BackupRequirerData.SCRIPT_KEYS) {
      target
          .script(key)
          .ifPresent(
              path ->
                  RunScript.problemWithScriptPath(path)
                      .ifPresent(why -> problems.add(key + " \"" + path + "\" " + why)));
    }
    return problems;
  }
}
