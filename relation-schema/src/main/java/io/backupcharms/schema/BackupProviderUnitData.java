package io.backupcharms.schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code backup} interface, provider unit databag (schema
 * {@code schemas/backup/v1/provider-unit.json}): our additive report of the last finished backup
 * of the unit's machine. Canonical's bacula-fd publishes nothing here, so requirers must accept
 * an empty bag.
 *
 * @param lastBackup the last finished backup, empty before the first one
 */
public record BackupProviderUnitData(Optional<BackupOutcome> lastBackup) {
  /** Databag key: RFC 3339 UTC end time, e.g. {@code 2026-11-21T01:00:42Z}. */
  public static final String LAST_BACKUP_TIME = "last-backup-time";
  /** Databag key: {@code success}, {@code warning}, {@code failed} or {@code canceled}. */
  public static final String LAST_BACKUP_STATUS = "last-backup-status";
  /** Databag key: the Bacula JobId as a decimal string. */
  public static final String LAST_BACKUP_JOB_ID = "last-backup-job-id";

  /** Checks the value is present (use {@code Optional.empty()} for "no backup yet"). */
  public BackupProviderUnitData {
    Objects.requireNonNull(lastBackup, "lastBackup");
  }

  /**
   * Reads the databag as a requirer receives it (Juju's own keys such as ingress-address are
   * ignored).
   *
   * @return the record, or every field-level error
   */
  public static DatabagResult<BackupProviderUnitData> fromDatabag(Map<String, String> databag) {
    BagCheck check = new BagCheck(DatabagSchema.BACKUP_PROVIDER_UNIT, databag);
    Optional<String> time = check.optional(LAST_BACKUP_TIME);
    Optional<String> status = check.optional(LAST_BACKUP_STATUS);
    Optional<String> jobId = check.optional(LAST_BACKUP_JOB_ID);
    if (time.isEmpty() && status.isEmpty() && jobId.isEmpty()) {
      return check.result(() -> new BackupProviderUnitData(Optional.empty()));
    }
    String together = "; the provider must publish " + LAST_BACKUP_TIME + ", "
        + LAST_BACKUP_STATUS + " and " + LAST_BACKUP_JOB_ID + " together";
    Instant[] parsedTime = new Instant[1];
    check.required(LAST_BACKUP_TIME, "it is required with the other last-backup keys" + together)
        .ifPresent(v -> parsedTime[0] = parseTime(v, check));
    check.required(LAST_BACKUP_STATUS, "it is required with the other last-backup keys" + together)
        .filter(v -> BackupStatus.fromValue(v).isEmpty())
        .ifPresent(v -> check.errors().add(new FieldError(LAST_BACKUP_STATUS, LAST_BACKUP_STATUS
            + " " + ValueRules.quote(v) + " is not a known status; use success, warning, failed "
            + "or canceled")));
    check.required(LAST_BACKUP_JOB_ID, "it is required with the other last-backup keys" + together)
        .filter(v -> !v.matches("[1-9][0-9]{0,18}"))
        .ifPresent(v -> check.errors().add(new FieldError(LAST_BACKUP_JOB_ID, LAST_BACKUP_JOB_ID
            + " " + ValueRules.quote(v) + " is not a Bacula JobId; use a positive decimal "
            + "integer without sign or leading zeros")));
    return check.result(() -> new BackupProviderUnitData(Optional.of(new BackupOutcome(
        parsedTime[0], BackupStatus.fromValue(status.orElseThrow()).orElseThrow(),
        Long.parseLong(jobId.orElseThrow())))));
  }

  private static Instant parseTime(String value, BagCheck check) {
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
      check.errors().add(new FieldError(LAST_BACKUP_TIME, LAST_BACKUP_TIME + " "
          + ValueRules.quote(value) + " " + problem + "; use the form 2026-11-21T01:00:42Z"));
    }
    return parsed;
  }

  /** The databag to write with {@code relation-set}; empty before the first backup. */
  public Map<String, String> toDatabag() {
    Map<String, String> bag = new LinkedHashMap<>();
    lastBackup.ifPresent(o -> {
      bag.put(LAST_BACKUP_TIME, o.time().toString());
      bag.put(LAST_BACKUP_STATUS, o.status().value());
      bag.put(LAST_BACKUP_JOB_ID, Long.toString(o.jobId()));
    });
    return bag;
  }
}
