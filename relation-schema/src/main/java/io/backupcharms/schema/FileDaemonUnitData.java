package io.backupcharms.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code bacula_dir} interface, requirer (bacula-fd) unit databag (schema {@code
 * schemas/bacula_dir/v1/requirer-unit.json}). The File Daemon's address is not part of it: the
 * server reads Juju's {@code ingress-address} from the same bag.
 *
 * @param name the File Daemon's name, unique in the model, see {@link #defaultName}
 * @param fileset absolute paths to back up, at least one
 * @param port the File Daemon's TCP port
 * @param clientRunBeforeBackup script path on the File Daemon's machine
 * @param clientRunAfterBackup script path on the File Daemon's machine
 * @param clientRunBeforeRestore script path on the File Daemon's machine
 * @param clientRunAfterRestore script path on the File Daemon's machine
 * @param schedule Bacula Run specifications joined with {@code ", "}; empty for manual backups
 * @throws InvalidDatabagException from the constructor when a value breaks the interface's rules
 */
public record FileDaemonUnitData(
    String name,
    List<String> fileset,
    int port,
    Optional<String> clientRunBeforeBackup,
    Optional<String> clientRunAfterBackup,
    Optional<String> clientRunBeforeRestore,
    Optional<String> clientRunAfterRestore,
    Optional<String> schedule) {

  /** Databag key: the File Daemon's name. */
  public static final String NAME = "name";

  /** Databag key: comma-joined absolute paths. */
  public static final String FILESET = "fileset";

  /** Databag key: the port as a decimal string. */
  public static final String PORT = "port";

  /** Databag key: script run before a backup. */
  public static final String CLIENT_RUN_BEFORE_BACKUP = "client-run-before-backup";

  /** Databag key: script run after a backup. */
  public static final String CLIENT_RUN_AFTER_BACKUP = "client-run-after-backup";

  /** Databag key: script run before a restore. */
  public static final String CLIENT_RUN_BEFORE_RESTORE = "client-run-before-restore";

  /** Databag key: script run after a restore. */
  public static final String CLIENT_RUN_AFTER_RESTORE = "client-run-after-restore";

  /** Databag key: comma-joined Bacula Run specifications. */
  public static final String SCHEDULE = "schedule";

  /** The File Daemon port the reference charms default to. */
  public static final int DEFAULT_PORT = 9102;

  /** The four script keys, in the order the reference lists them. */
  public static final List<String> SCRIPT_KEYS =
      List.of(
          CLIENT_RUN_BEFORE_BACKUP,
          CLIENT_RUN_AFTER_BACKUP,
          CLIENT_RUN_BEFORE_RESTORE,
          CLIENT_RUN_AFTER_RESTORE);

  /** Every key this record reads and writes. */
  public static final List<String> KEYS =
      List.of(
          NAME,
          FILESET,
          PORT,
          CLIENT_RUN_BEFORE_BACKUP,
          CLIENT_RUN_AFTER_BACKUP,
          CLIENT_RUN_BEFORE_RESTORE,
          CLIENT_RUN_AFTER_RESTORE,
          SCHEDULE);

  /** Validates every value. */
  public FileDaemonUnitData {
    Objects.requireNonNull(name, NAME);
    fileset = List.copyOf(fileset);
    List<Optional<String>> scripts =
        List.of(
            clientRunBeforeBackup,
            clientRunAfterBackup,
            clientRunBeforeRestore,
            clientRunAfterRestore);
    Objects.requireNonNull(schedule, SCHEDULE);
    List<FieldError> errors = new ArrayList<>();
    ValueRules.checkBaculaName(NAME, name, errors);
    ValueRules.checkFileset(FILESET, fileset, errors);
    ValueRules.checkPort(PORT, port, errors);
    for (int i = 0; i < SCRIPT_KEYS.size(); i++) {
      checkScript(SCRIPT_KEYS.get(i), scripts.get(i), errors);
    }
    schedule.ifPresent(s -> ValueRules.checkSchedule(SCHEDULE, s, errors));
    if (!errors.isEmpty()) {
      throw new InvalidDatabagException(errors);
    }
  }

  /**
   * The name the reference charms give a File Daemon: {@code relation-<model>-<principal unit with
   * / as ->-<last block of the model uuid>-fd}.
   *
   * @param model the model name ({@code JUJU_MODEL_NAME})
   * @param principalUnit the principal unit, e.g. {@code myapp/0} ({@code JUJU_PRINCIPAL_UNIT})
   * @param modelUuid the model's UUID ({@code JUJU_MODEL_UUID})
   */
  public static String defaultName(String model, String principalUnit, String modelUuid) {
    String lastBlock = modelUuid.substring(modelUuid.lastIndexOf('-') + 1);
    return "relation-" + model + "-" + principalUnit.replace('/', '-') + "-" + lastBlock + "-fd";
  }

  /** The Run specifications of {@link #schedule}, one per element; empty for manual only. */
  public List<String> scheduleRuns() {
    return schedule.map(ValueRules::scheduleRuns).orElse(List.of());
  }

  /** The script path for one of {@link #SCRIPT_KEYS}. */
  public Optional<String> script(String key) {
    int i = SCRIPT_KEYS.indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException(
          "unknown script key \"" + key + "\"; use one of " + SCRIPT_KEYS);
    }
    return List.of(
            clientRunBeforeBackup,
            clientRunAfterBackup,
            clientRunBeforeRestore,
            clientRunAfterRestore)
        .get(i);
  }

  /**
   * Reads the databag as bacula-server receives it from one bacula-fd unit (Juju's own keys such as
   * ingress-address are ignored).
   *
   * @return the record, or every field-level error
   */
  public static DatabagResult<FileDaemonUnitData> fromDatabag(Map<String, String> databag) {
    BagCheck check = new BagCheck(DatabagSchema.BACULA_DIR_REQUIRER_UNIT, databag);
    String wait =
        "the bacula-fd unit publishes it once it has a backup relation with a fileset; "
            + "check that unit's status";
    String name = check.required(NAME, wait, "fd");
    String fileset = check.required(FILESET, wait, "/");
    int port =
        ValueRules.portNumber(
            PORT, check.required(PORT, wait, String.valueOf(DEFAULT_PORT)), check.errors());
    List<Optional<String>> scripts = SCRIPT_KEYS.stream().map(check::optional).toList();
    Optional<String> schedule = check.optional(SCHEDULE);
    // The constructor holds the rules; they run once, here.
    return check.construct(
        () ->
            new FileDaemonUnitData(
                name,
                ValueRules.filesetPaths(fileset),
                port,
                scripts.get(0),
                scripts.get(1),
                scripts.get(2),
                scripts.get(3),
                schedule));
  }

  /** The databag to write with {@code relation-set}; unset optional keys are absent. */
  public Map<String, String> toDatabag() {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put(NAME, name);
    bag.put(FILESET, String.join(",", fileset));
    bag.put(PORT, Integer.toString(port));
    for (String key : SCRIPT_KEYS) {
      script(key).ifPresent(v -> bag.put(key, v));
    }
    schedule.ifPresent(v -> bag.put(SCHEDULE, v));
    return bag;
  }

  private static void checkScript(String key, Optional<String> path, List<FieldError> out) {
    Objects.requireNonNull(path, key);
    path.ifPresent(
        p -> ValueRules.checkPath(key, key + " path", p, "/var/lib/bacula-fd/scripts/" + key, out));
  }
}
