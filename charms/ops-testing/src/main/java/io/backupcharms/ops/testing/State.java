package io.backupcharms.ops.testing;

import io.backupcharms.ops.Status;
import io.backupcharms.ops.UnknownStatus;
import io.backupcharms.ops.hooktools.NetworkInfo;
import io.backupcharms.ops.model.Port;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the charm can observe or change about Juju, before or after one event. Immutable:
 * every {@code withX} returns a copy.
 *
 * @param config the application config as {@code config-get} returns it (defaults included
 *     automatically from the charm's config.yaml when absent)
 * @param stored stored state by namespace ({@code charm} for {@code framework.stored()})
 * @param deferred deferred events, oldest first
 * @param networks network-get answers by binding; a default is used for others
 */
public record State(
    Map<String, Object> config,
    boolean leader,
    List<RelationState> relations,
    List<SecretState> secrets,
    Map<String, Map<String, Object>> stored,
    List<Trigger> deferred,
    Status unitStatus,
    Status appStatus,
    Set<Port> openedPorts,
    String workloadVersion,
    Map<String, NetworkInfo> networks) {
  public State {
    config = Map.copyOf(config);
    relations = List.copyOf(relations);
    secrets = List.copyOf(secrets);
    Map<String, Map<String, Object>> s = new LinkedHashMap<>();
    stored.forEach((k, v) -> s.put(k, Map.copyOf(v)));
    stored = Collections.unmodifiableMap(s);
    deferred = List.copyOf(deferred);
    unitStatus = unitStatus == null ? new UnknownStatus() : unitStatus;
    appStatus = appStatus == null ? new UnknownStatus() : appStatus;
    openedPorts = Set.copyOf(openedPorts);
    workloadVersion = workloadVersion == null ? "" : workloadVersion;
    networks = Map.copyOf(networks);
  }

  /** A unit that is not the leader, with no config set, no relations, no secrets. */
  public static State empty() {
    return new State(
        Map.of(), false, List.of(), List.of(), Map.of(), List.of(), null, null, Set.of(), "",
        Map.of());
  }

  public State withConfig(Map<String, Object> newConfig) {
    return new State(
        newConfig,
        leader,
        relations,
        secrets,
        stored,
        deferred,
        unitStatus,
        appStatus,
        openedPorts,
        workloadVersion,
        networks);
  }

  public State withLeader(boolean isLeader) {
    return new State(
        config,
        isLeader,
        relations,
        secrets,
        stored,
        deferred,
        unitStatus,
        appStatus,
        openedPorts,
        workloadVersion,
        networks);
  }

  /** Adds a relation, or replaces the one with the same id. */
  public State withRelation(RelationState relation) {
    List<RelationState> list = new ArrayList<>(relations);
    list.removeIf(r -> r.id() == relation.id());
    list.add(relation);
    return withRelations(list);
  }

  public State withRelations(List<RelationState> newRelations) {
    return new State(
        config,
        leader,
        newRelations,
        secrets,
        stored,
        deferred,
        unitStatus,
        appStatus,
        openedPorts,
        workloadVersion,
        networks);
  }

  /** Adds a secret, or replaces the one with the same id. */
  public State withSecret(SecretState secret) {
    List<SecretState> list = new ArrayList<>(secrets);
    list.removeIf(s -> s.id().equals(secret.id()));
    list.add(secret);
    return withSecrets(list);
  }

  public State withSecrets(List<SecretState> newSecrets) {
    return new State(
        config,
        leader,
        relations,
        newSecrets,
        stored,
        deferred,
        unitStatus,
        appStatus,
        openedPorts,
        workloadVersion,
        networks);
  }

  /** Sets the charm's own stored state ({@code framework.stored()}). */
  public State withStored(Map<String, Object> values) {
    Map<String, Map<String, Object>> s = new LinkedHashMap<>(stored);
    s.put("charm", values);
    return withStoredNamespaces(s);
  }

  public State withStoredNamespaces(Map<String, Map<String, Object>> namespaces) {
    return new State(
        config,
        leader,
        relations,
        secrets,
        namespaces,
        deferred,
        unitStatus,
        appStatus,
        openedPorts,
        workloadVersion,
        networks);
  }

  public State withDeferred(List<Trigger> events) {
    return new State(
        config,
        leader,
        relations,
        secrets,
        stored,
        events,
        unitStatus,
        appStatus,
        openedPorts,
        workloadVersion,
        networks);
  }

  public State withUnitStatus(Status status) {
    return new State(
        config,
        leader,
        relations,
        secrets,
        stored,
        deferred,
        status,
        appStatus,
        openedPorts,
        workloadVersion,
        networks);
  }

  public State withAppStatus(Status status) {
    return new State(
        config,
        leader,
        relations,
        secrets,
        stored,
        deferred,
        unitStatus,
        status,
        openedPorts,
        workloadVersion,
        networks);
  }

  public State withOpenedPorts(Set<Port> ports) {
    return new State(
        config,
        leader,
        relations,
        secrets,
        stored,
        deferred,
        unitStatus,
        appStatus,
        ports,
        workloadVersion,
        networks);
  }

  public State withNetwork(String binding, NetworkInfo info) {
    Map<String, NetworkInfo> n = new LinkedHashMap<>(networks);
    n.put(binding, info);
    return new State(
        config,
        leader,
        relations,
        secrets,
        stored,
        deferred,
        unitStatus,
        appStatus,
        openedPorts,
        workloadVersion,
        n);
  }

  /** The relation with this id. */
  public Optional<RelationState> relation(int id) {
    return relations.stream().filter(r -> r.id() == id).findFirst();
  }

  /** The only relation on an endpoint (fails the test if there are several). */
  public Optional<RelationState> relation(String endpoint) {
    List<RelationState> on = relations.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    if (on.size() > 1) {
      throw new IllegalStateException(
          "endpoint " + endpoint + " has " + on.size() + " relations; use relation(id)");
    }
    return on.stream().findFirst();
  }

  /** The secret with this id or label. */
  public Optional<SecretState> secret(String idOrLabel) {
    return secrets.stream()
        .filter(s -> s.id().equals(idOrLabel) || idOrLabel.equals(s.label()))
        .findFirst();
  }

  /** The charm's own stored state ({@code framework.stored()}). */
  public Map<String, Object> storedCharm() {
    return stored.getOrDefault("charm", Map.of());
  }
}
