package io.backupcharms.fd.plan;

import io.backupcharms.schema.BackupRequirerData;
import io.backupcharms.schema.FileDaemonUnitData;
import java.util.Optional;

/** Builds what this unit publishes to bacula-server on the {@code bacula-dir} relation. */
final class UnitBag {
  private UnitBag() {}

  /**
   * The reference charm's unit bag: the name, the target's fileset, the port, the four client
   * scripts (the no-op script wherever the target gave none, so the Director's Job always has a
   * command to run) and the schedule when one is configured.
   *
   * @param name this File Daemon's name, see {@link FileDaemonUnitData#defaultName}
   * @param target what the {@code backup} relation asks for
   * @param config the charm's checked config
   * @param noopScript absolute path of the no-op script on this machine
   */
  static FileDaemonUnitData of(
      String name, BackupRequirerData target, CharmConfig config, String noopScript) {
    return new FileDaemonUnitData(
        name,
        target.fileset(),
        config.port(),
        Optional.of(target.runBeforeBackup().orElse(noopScript)),
        Optional.of(target.runAfterBackup().orElse(noopScript)),
        Optional.of(target.runBeforeRestore().orElse(noopScript)),
        Optional.of(target.runAfterRestore().orElse(noopScript)),
        config.scheduleRuns().isEmpty() ? Optional.empty() : Optional.of(config.joinedSchedule()));
  }
}
