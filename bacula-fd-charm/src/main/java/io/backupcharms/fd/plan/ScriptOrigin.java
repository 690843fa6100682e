package io.backupcharms.fd.plan;

import io.backupcharms.fd.plan.PlanInputs.BackupEnd;
import io.backupcharms.fd.plan.PlanInputs.Principal;
import io.backupcharms.schema.BackupRequirerData;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the {@code backup} relation's script paths may be run as root on this machine. The File
 * Daemon runs them around every job, so they are accepted only from a charm on this machine: the
 * principal application itself, or one subordinate unit beside this one over a container-scoped
 * relation. A relation from a charm elsewhere (a global-scope relation made before bacula-fd
 * declared {@code scope: container}) could otherwise pick any binary, such as {@code /sbin/reboot},
 * for every machine of the application.
 */
final class ScriptOrigin {
  private ScriptOrigin() {}

  /**
   * Why the scripts in {@code target} are refused, naming the key; empty when they are accepted or
   * there are none.
   *
   * @param backup the relation that named them, with its units' bags
   * @param principal the principal unit over juju-info, and its ingress address there
   */
  static Optional<String> problem(
      BackupEnd backup, BackupRequirerData target, Principal principal) {
    List<String> keys =
        BackupRequirerData.SCRIPT_KEYS.stream().filter(k -> target.script(k).isPresent()).toList();
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    String remoteApp = backup.app().orElse("");
    if (remoteApp.equals(principal.app())) {
      return Optional.empty();
    }
    Map<String, Map<String, String>> units = backup.units();
    if (units.size() == 1 && principal.address().isPresent()) {
      Map<String, String> beside = units.values().iterator().next();
      if (principal.address().get().equals(beside.get("ingress-address"))) {
        return Optional.empty();
      }
    }
    String where =
        units.size() > 1
            ? "the relation reaches "
                + units.size()
                + " of its units, so it is not"
                + " container-scoped"
            : units.keySet().iterator().next() + " is not on this machine";
    return Optional.of(
        String.join(", ", keys)
            + " from "
            + (remoteApp.isEmpty() ? "the backup relation" : remoteApp)
            + " refused: "
            + where
            + "; bacula-fd runs scripts as root only from "
            + principal.app()
            + " or a subordinate beside it over a container-scoped relation."
            + " Remove the backup relation and integrate it again (it is container-scoped now), or"
            + " remove the script keys");
  }
}
