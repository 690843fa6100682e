package io.backupcharms.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code backup} interface, requirer application databag (schema {@code
 * schemas/backup/v1/requirer-app.json}): what to back up and which scripts to run around backups
 * and restores, on the requirer's machine.
 *
 * @param fileset absolute paths, at least one; no comma, control character or surrounding
 *     whitespace in any path
 * @param runBeforeBackup absolute path of an executable run before a backup
 * @param runAfterBackup absolute path of an executable run after a backup
 * @param runBeforeRestore absolute path of an executable run before a restore
 * @param runAfterRestore absolute path of an executable run after a restore
 * @throws InvalidDatabagException from the constructor when a value breaks the interface's rules
 */
public record BackupRequirerData(
    List<String> fileset,
    Optional<String> runBeforeBackup,
    Optional<String> runAfterBackup,
    Optional<String> runBeforeRestore,
    Optional<String> runAfterRestore) {

  /** Databag key: comma-joined absolute paths. */
  public static final String FILESET = "fileset";

  /** Databag key: script run before a backup. */
  public static final String RUN_BEFORE_BACKUP = "run-before-backup";

  /** Databag key: script run after a backup. */
  public static final String RUN_AFTER_BACKUP = "run-after-backup";

  /** Databag key: script run before a restore. */
  public static final String RUN_BEFORE_RESTORE = "run-before-restore";

  /** Databag key: script run after a restore. */
  public static final String RUN_AFTER_RESTORE = "run-after-restore";

  /** The four script keys, in the order the reference lists them. */
  public static final List<String> SCRIPT_KEYS =
      List.of(RUN_BEFORE_BACKUP, RUN_AFTER_BACKUP, RUN_BEFORE_RESTORE, RUN_AFTER_RESTORE);

  /** Validates every value. */
  public BackupRequirerData {
    fileset = List.copyOf(fileset);
    Objects.requireNonNull(runBeforeBackup, RUN_BEFORE_BACKUP);
    Objects.requireNonNull(runAfterBackup, RUN_AFTER_BACKUP);
    Objects.requireNonNull(runBeforeRestore, RUN_BEFORE_RESTORE);
    Objects.requireNonNull(runAfterRestore, RUN_AFTER_RESTORE);
    List<FieldError> errors = new ArrayList<>();
    ValueRules.checkFileset(FILESET, fileset, errors);
    checkScript(RUN_BEFORE_BACKUP, runBeforeBackup, errors);
    checkScript(RUN_AFTER_BACKUP, runAfterBackup, errors);
    checkScript(RUN_BEFORE_RESTORE, runBeforeRestore, errors);
    checkScript(RUN_AFTER_RESTORE, runAfterRestore, errors);
    if (!errors.isEmpty()) {
      throw new InvalidDatabagException(errors);
    }
  }

  /** A fileset with no scripts. */
  public static BackupRequirerData ofFileset(List<String> fileset) {
    return new BackupRequirerData(
        fileset, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Reads the databag as a provider receives it (from {@code relation-get --app}).
   *
   * @return the record, or every field-level error
   */
  public static DatabagResult<BackupRequirerData> fromDatabag(Map<String, String> databag) {
    BagCheck check = new BagCheck(DatabagSchema.BACKUP_REQUIRER_APP, databag);
    String fileset =
        check.required(
            FILESET,
            "the requirer's leader must publish the paths to back "
                + "up, comma-joined, such as /var/lib/myapp,/etc/myapp",
            "/");
    List<Optional<String>> scripts = SCRIPT_KEYS.stream().map(check::optional).toList();
    // The constructor holds the rules; they run once, here.
    return check.construct(
        () ->
            new BackupRequirerData(
                ValueRules.filesetPaths(fileset),
                scripts.get(0),
                scripts.get(1),
                scripts.get(2),
                scripts.get(3)));
  }

  /** The databag to write with {@code relation-set --app}; unset scripts are absent. */
  public Map<String, String> toDatabag() {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put(FILESET, String.join(",", fileset));
    runBeforeBackup.ifPresent(v -> bag.put(RUN_BEFORE_BACKUP, v));
    runAfterBackup.ifPresent(v -> bag.put(RUN_AFTER_BACKUP, v));
    runBeforeRestore.ifPresent(v -> bag.put(RUN_BEFORE_RESTORE, v));
    runAfterRestore.ifPresent(v -> bag.put(RUN_AFTER_RESTORE, v));
    return bag;
  }

  /** The script path for one of {@link #SCRIPT_KEYS}. */
  public Optional<String> script(String key) {
    switch (key) {
      case RUN_BEFORE_BACKUP:
        return runBeforeBackup;
      case RUN_AFTER_BACKUP:
        return runAfterBackup;
      case RUN_BEFORE_RESTORE:
        return runBeforeRestore;
      case RUN_AFTER_RESTORE:
        return runAfterRestore;
      default:
        throw new IllegalArgumentException(
            "unknown script key \"" + key + "\"; use one of " + SCRIPT_KEYS);
    }
  }

  private static void checkScript(String key, Optional<String> path, List<FieldError> out) {
    path.ifPresent(
        p ->
            ValueRules.checkPath(
                key, key + " path", p, "/var/lib/backup-integrator/myapp/" + key, out));
  }
}
