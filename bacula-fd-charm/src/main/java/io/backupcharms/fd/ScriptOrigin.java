package io.backupcharms.fd;

import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;
import io.backupcharms.schema.BackupRequirerData;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
   * @param principal the principal unit over juju-info, and its ingress address there
   */
  static Optional<String> problem(
      Relation backup,
      BackupRequirerData target,
      Unit principal,
      Optional<String> principalAddress) {
    List<String> keys =
        BackupRequirerData.SCRIPT_KEYS.stream().filter(k -> target.script(k).isPresent()).toList();
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    String remoteApp = backup.app().map(a -> a.name()).orElse("");
    if (remoteApp.equals(principal.app().name())) {
      return Optional.empty();
    }
    Set<Unit> units = backup.units();
    if (units.size() == 1 && principalAddress.isPresent()) {
      Unit beside = units.iterator().next();
      Optional<String> address = backup.remoteUnitData(beside).get("ingress-address");
      if (address.equals(principalAddress)) {
        return Optional.empty();
      }
    }
    String where =
        units.size() > 1
            ? "the relation reaches "
                + units.size()
                + " of its units, so it is not"
                + " container-scoped"
            : units.iterator().next().name() + " is not on this machine";
    return Optional.of(
        String.join(", ", keys)
            + " from "
            + (remoteApp.isEmpty() ? "the backup relation" : remoteApp)
            + " refused: "
            + where
            + "; bacula-fd runs scripts as root only from "
            + principal.app().name()
            + " or a subordinate beside it over a container-scoped relation."
            + " Remove the backup relation and integrate it again (it is container-scoped now), or"
            + " remove the script keys");
  }
}
