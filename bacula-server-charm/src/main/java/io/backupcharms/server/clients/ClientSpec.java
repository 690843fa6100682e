package io.backupcharms.server.clients;

import java.util.List;
import java.util.Objects;

/**
 * One File Daemon unit the Director backs up, validated.
 *
 * @param name the File Daemon's name from its databag (unique in the model, ends in {@code -fd} for
 *     the reference format)
 * @param unit the Juju unit that published it, e.g. {@code bacula-fd/0}
 * @param relationId the {@code bacula-dir} relation it arrived on
 * @param address where the Director reaches it: the unit's {@code ingress-address}
 * @param port the File Daemon port
 * @param fileset absolute paths to back up, in the order given
 * @param scripts the client-side run scripts
 * @param schedule Bacula {@code Run} specs of the client's own Schedule; empty = manual only
 */
public record ClientSpec(
    String name,
    String unit,
    int relationId,
    String address,
    int port,
    List<String> fileset,
    RunScripts scripts,
    List<String> schedule) {
  /**
   * The prefix of every Bacula resource the server names for itself. Clients' resources are named
   * after the client, so no client name may start with it (or it could replace one of them).
   */
  public static final String RESERVED_PREFIX = "charm-";

  public ClientSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(scripts, "scripts");
    fileset = List.copyOf(fileset);
    schedule = List.copyOf(schedule);
  }

  /**
   * The stem of every Bacula resource of this client: the name without a trailing {@code -fd}, so
   * the Client resource ({@code <stem>-fd}) carries exactly the File Daemon's own name.
   */
  public String stem() {
    return name.endsWith("-fd") ? name.substring(0, name.length() - 3) : name;
  }

  /** Name of the Client resource. */
  public String clientResource() {
    return stem() + "-fd";
  }

  /** Name of the FileSet resource. */
  public String filesetResource() {
    return stem() + "-fileset";
  }

  /** Name of the backup Job. */
  public String backupJob() {
    return stem() + "-backup";
  }

  /** Name of the restore Job. */
  public String restoreJob() {
    return stem() + "-restore";
  }

  /** Name of the verify Job: reads a backup's volumes back and compares them with the catalog. */
  public String verifyJob() {
    return stem() + "-verify";
  }

  /** The restore Job of {@code verify deep=true} ({@code DeepVerifyJob}). */
  public String deepVerifyJob() {
    return stem() + "-deep-verify";
  }

  /** Name of the Schedule resource (present only when {@link #schedule()} is not empty). */
  public String scheduleResource() {
    return stem() + "-schedule";
  }

  /** {@code bacula-dir:<id>}, as operators see relations in {@code juju status --relations}. */
  public String relationLabel() {
    return "bacula-dir:" + relationId;
  }
}
