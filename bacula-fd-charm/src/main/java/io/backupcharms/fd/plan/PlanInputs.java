package io.backupcharms.fd.plan;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the model and the machine say this hook, as plain values: everything {@link PlanBuilder}
 * derives the plan from, so that it builds and is tested without Juju.
 *
 * @param unit this unit, such as {@code bacula-fd/0}
 * @param model the model's name
 * @param modelUuid the model's UUID
 * @param machineOwner the other unit that owns this machine's File Daemon, if one does
 * @param config the charm's config as {@code config-get --all} gives it
 * @param principal the principal unit over {@code juju-info}, once one has joined
 * @param backup the {@code backup} relation, once it exists
 * @param director the {@code bacula-dir} relation, once it exists
 * @param noopScript where the no-op client script lives on this machine
 */
public record PlanInputs(
    String unit,
    String model,
    String modelUuid,
    Optional<String> machineOwner,
    Map<String, Object> config,
    Optional<Principal> principal,
    Optional<BackupEnd> backup,
    Optional<DirectorEnd> director,
    String noopScript) {
  public PlanInputs {
    // Not Map.copyOf: an option without a value may come as null.
    config = Collections.unmodifiableMap(new HashMap<>(config));
  }

  /**
   * The principal unit this subordinate runs beside.
   *
   * @param unit its name, such as {@code myapp/0}
   * @param address its ingress address on {@code juju-info}
   */
  public record Principal(String unit, Optional<String> address) {
    /** The principal's application. */
    public String app() {
      return unit.substring(0, unit.indexOf('/'));
    }
  }

  /**
   * The {@code backup} relation: what to back up, and who says so.
   *
   * @param relation the relation as logs name it, such as {@code backup:2}
   * @param app the remote application, when Juju names it
   * @param appData the remote application's bag
   * @param units each remote unit's bag, by unit name
   */
  public record BackupEnd(
      String relation,
      Optional<String> app,
      Map<String, String> appData,
      SortedMap<String, Map<String, String>> units) {
    public BackupEnd {
      appData = Map.copyOf(appData);
      units = new TreeMap<>(units);
    }
  }

  /**
   * The {@code bacula-dir} relation to bacula-server.
   *
   * @param relation the relation as logs name it, such as {@code bacula-dir:3}
   * @param appData the server's application bag
   * @param ingressAddress this unit's address on the relation, which the Director dials
   */
  public record DirectorEnd(
      String relation, Map<String, String> appData, Optional<String> ingressAddress) {
    public DirectorEnd {
      appData = Map.copyOf(appData);
    }
  }
}
