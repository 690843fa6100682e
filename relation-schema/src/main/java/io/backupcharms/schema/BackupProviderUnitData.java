package io.backupcharms.schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code backup} interface, provider unit databag (schema {@code
 * schemas/backup/v1/provider-unit.json}): our additive report of the last finished backup of the
 * unit's machine, and of the last verify job that read one back. Canonical's bacula-fd publishes
 * nothing here, so requirers must accept an empty bag.
 *
 * @param lastBackup the last finished backup, empty before the first one
 * @param lastVerify the last finished verify job, empty before the first one
 */
public record BackupProviderUnitData(
    Optional<BackupOutcome> lastBackup, Optional<BackupOutcome> lastVerify) {
  /** Databag key: RFC 3339 UTC end time, e.g. {@code 2026-11-21T01:00:42Z}. */
  public static final String LAST_BACKUP_TIME = "last-backup-time";

  /** Databag key: {@code success}, {@code warning}, {@code failed} or {@code canceled}. */
  public static final String LAST_BACKUP_STATUS = "last-backup-status";

  /** Databag key: the Bacula JobId as a decimal string. */
  public static final String LAST_BACKUP_JOB_ID = "last-backup-job-id";

  /** Databag key: the last verify job's end time, as {@link #LAST_BACKUP_TIME}. */
  public static final String LAST_VERIFY_TIME = "last-verify-time";

  /** Databag key: how it ended; {@code failed} when the backup does not read back. */
  public static final String LAST_VERIFY_STATUS = "last-verify-status";

  /** Databag key: the verify job's JobId. */
  public static final String LAST_VERIFY_JOB_ID = "last-verify-job-id";

  /** Every key this bag owns, for a writer that deletes what it no longer publishes. */
  public static final List<String> KEYS =
      List.of(
          LAST_BACKUP_TIME,
          LAST_BACKUP_STATUS,
          LAST_BACKUP_JOB_ID,
          LAST_VERIFY_TIME,
          LAST_VERIFY_STATUS,
          LAST_VERIFY_JOB_ID);

  /** Checks the values are present (use {@code Optional.empty()} for "none yet"). */
  public BackupProviderUnitData {
    Objects.requireNonNull(lastBackup, "lastBackup");
    Objects.requireNonNull(lastVerify, "lastVerify");
  }

  /** The last backup alone, before any verify. */
  public BackupProviderUnitData(Optional<BackupOutcome> lastBackup) {
    this(lastBackup, Optional.empty());
  }

  /**
   * Reads the databag as a requirer receives it (Juju's own keys such as ingress-address are
   * ignored).
   *
   * @return the record, or every field-level error
   */
  public static DatabagResult<BackupProviderUnitData> fromDatabag(Map<String, String> databag) {
    BagCheck check = new BagCheck(DatabagSchema.BACKUP_PROVIDER_UNIT, databag);
    Optional<BackupOutcome> backup = outcome(check, "last-backup");
    Optional<BackupOutcome> verify = outcome(check, "last-verify");
    return check.result(() -> new BackupProviderUnitData(backup, verify));
  }

  /** The three {@code <prefix>-*} keys as an outcome, empty when all are absent or one is wrong. */
  private static Optional<BackupOutcome> outcome(BagCheck check, String prefix) {
    String timeKey = prefix + "-time";
    String statusKey = prefix + "-status";
    String idKey = prefix + "-job-id";
    Optional<String> time = check.optional(timeKey);
    Optional<String> status = check.optional(statusKey);
    Optional<String> jobId = check.optional(idKey);
    if (time.isEmpty() && status.isEmpty() && jobId.isEmpty()) {
      return Optional.empty();
    }
    int errors = check.errors().size();
    String together =
        "; the provider must publish " + timeKey + ", " + statusKey + " and " + idKey + " together";
    String required = "it is required with the other " + prefix + " keys" + together;
    Instant[] parsedTime = new Instant[1];
    check.required(timeKey, required).ifPresent(v -> parsedTime[0] = parseTime(timeKey, v, check));
    check
        .required(statusKey, required)
        .filter(v -> BackupStatus.fromValue(v).isEmpty())
        .ifPresent(
            v ->
                check
                    .errors()
                    .add(
                        new FieldError(
                            statusKey,
                            statusKey
                                + " "
                                + ValueRules.quote(v)
                                + " is not a known status; use success, warning, failed "
                                + "or canceled")));
    check
        .required(idKey, required)
        .filter(v -> !v.matches("[1-9][0-9]{0,18}"))
        .ifPresent(
            v ->
                check
                    .errors()
                    .add(
                        new FieldError(
                            idKey,
                            idKey
                                + " "
                                + ValueRules.quote(v)
                                + " is not a Bacula JobId; use a positive decimal "
                                + "integer without sign or leading zeros")));
    if (check.errors().size() > errors || parsedTime[0] == null) {
      return Optional.empty();
    }
    return Optional.of(
        new BackupOutcome(
            parsedTime[0],
            BackupStatus.fromValue(status.orElseThrow()).orElseThrow(),
            Long.parseLong(jobId.orElseThrow())));
  }

  private static Instant parseTime(String key, String value, BagCheck check) {
    String problem = null;
    Instant parsed = null;
    if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")) {
      problem = "is not an RFC 3339 UTC time with whole seconds";
    } else {
      try {
        parsed = Instant.parse(value);
      } catch (DateTimeParseException e) {
        problem = "is not a valid date and time";
      }
    }
    if (problem != null) {
      check
          .errors()
          .add(
              new FieldError(
                  key,
                  key
                      + " "
                      + ValueRules.quote(value)
                      + " "
                      + problem
                      + "; use the form 2026-11-21T01:00:42Z"));
    }
    return parsed;
  }

  /** The databag to write with {@code relation-set}; empty before the first backup and verify. */
  public Map<String, String> toDatabag() {
    Map<String, String> bag = new LinkedHashMap<>();
    lastBackup.ifPresent(o -> put(bag, "last-backup", o));
    lastVerify.ifPresent(o -> put(bag, "last-verify", o));
    return bag;
  }

  private static void put(Map<String, String> bag, String prefix, BackupOutcome o) {
    bag.put(prefix + "-time", o.time().toString());
    bag.put(prefix + "-status", o.status().value());
    bag.put(prefix + "-job-id", Long.toString(o.jobId()));
  }
}
