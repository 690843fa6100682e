package io.backupcharms.ops.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One relation in a {@link State}: its endpoint and id, the remote application, and every databag.
 * For a peer relation the "remote" units are this unit's peers and the remote app is this unit's
 * own app; a subordinate relation has exactly one remote (principal) unit.
 *
 * @param remoteUnitsData each remote unit's bag, by unit name
 */
public record RelationState(
    String endpoint,
    int id,
    String remoteApp,
    boolean peer,
    Map<String, String> localAppData,
    Map<String, String> localUnitData,
    Map<String, String> remoteAppData,
    Map<String, Map<String, String>> remoteUnitsData) {
  public RelationState {
    if (endpoint == null || endpoint.isEmpty()) {
      throw new IllegalArgumentException("a relation needs an endpoint name");
    }
    if (id < 0) {
      throw new IllegalArgumentException("relation " + endpoint + ": id must be >= 0, not " + id);
    }
    localAppData = Map.copyOf(localAppData);
    localUnitData = Map.copyOf(localUnitData);
    remoteAppData = Map.copyOf(remoteAppData);
    Map<String, Map<String, String>> units = new LinkedHashMap<>();
    remoteUnitsData.forEach((u, d) -> units.put(u, Map.copyOf(d)));
    remoteUnitsData = Collections.unmodifiableMap(units);
  }

  /** A regular relation with a remote application and no units yet. */
  public static RelationState of(String endpoint, int id, String remoteApp) {
    return new RelationState(
        endpoint, id, remoteApp, false, Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** A peer relation (remote app is this unit's own application). */
  public static RelationState peer(String endpoint, int id) {
    return new RelationState(endpoint, id, null, true, Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** A container-scoped relation of a subordinate with its one principal unit. */
  public static RelationState subordinate(
      String endpoint, int id, String principalUnit, Map<String, String> data) {
    String app = principalUnit.substring(0, principalUnit.indexOf('/'));
    return of(endpoint, id, app).withRemoteUnit(principalUnit, data);
  }

  /** Juju's relation id string, e.g. {@code db:1}. */
  public String relationId() {
    return endpoint + ":" + id;
  }

  /** Adds (or replaces) a remote unit with its databag. */
  public RelationState withRemoteUnit(String unit, Map<String, String> data) {
    Map<String, Map<String, String>> units = new LinkedHashMap<>(remoteUnitsData);
    units.put(unit, data);
    return new RelationState(
        endpoint, id, remoteApp, peer, localAppData, localUnitData, remoteAppData, units);
  }

  /** Removes a remote unit (as after relation-departed). */
  public RelationState withoutRemoteUnit(String unit) {
    Map<String, Map<String, String>> units = new LinkedHashMap<>(remoteUnitsData);
    units.remove(unit);
    return new RelationState(
        endpoint, id, remoteApp, peer, localAppData, localUnitData, remoteAppData, units);
  }

  public RelationState withLocalAppData(Map<String, String> data) {
    return new RelationState(
        endpoint, id, remoteApp, peer, data, localUnitData, remoteAppData, remoteUnitsData);
  }

  public RelationState withLocalUnitData(Map<String, String> data) {
    return new RelationState(
        endpoint, id, remoteApp, peer, localAppData, data, remoteAppData, remoteUnitsData);
  }

  public RelationState withRemoteAppData(Map<String, String> data) {
    return new RelationState(
        endpoint, id, remoteApp, peer, localAppData, localUnitData, data, remoteUnitsData);
  }
}
