package io.backupcharms.ops.testing;

import io.backupcharms.ops.Status;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.hooktools.NetworkInfo;
import io.backupcharms.ops.hooktools.ToolErrors;
import io.backupcharms.ops.model.CharmMeta;
import io.backupcharms.ops.model.Port;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mutable Juju world of one run, shared by the tool-family handlers. */
final class Sandbox {
  /** A relation while the event runs. */
  static final class Rel {
    final String endpoint;
    final int id;
    final String remoteApp;
    final boolean peer;
    final Map<String, String> localApp;
    final Map<String, String> localUnit;
    final Map<String, String> remoteAppData;
    final Map<String, Map<String, String>> remoteUnits = new LinkedHashMap<>();

    Rel(RelationState r, String ownApp) {
      endpoint = r.endpoint();
      id = r.id();
      peer = r.peer();
      remoteApp = r.peer() ? ownApp : r.remoteApp();
      localApp = new LinkedHashMap<>(r.localAppData());
      localUnit = new LinkedHashMap<>(r.localUnitData());
      remoteAppData = new LinkedHashMap<>(r.remoteAppData());
      r.remoteUnitsData().forEach((u, d) -> remoteUnits.put(u, new LinkedHashMap<>(d)));
    }

    RelationState toState() {
      RelationState r =
          new RelationState(
              endpoint,
              id,
              peer ? null : remoteApp,
              peer,
              localApp,
              localUnit,
              remoteAppData,
              Map.of());
      for (Map.Entry<String, Map<String, String>> u : remoteUnits.entrySet()) {
        r = r.withRemoteUnit(u.getKey(), u.getValue());
      }
      return r;
    }
  }

  /** A secret while the event runs. */
  static final class Sec {
    String id;
    String label;
    String owner;
    String description;
    int revision;
    Map<String, String> content;
    int trackedRevision;
    Map<String, String> trackedContent;
    final Map<Integer, Set<String>> grants = new LinkedHashMap<>();

    Sec(SecretState s) {
      id = s.id();
      label = s.label();
      owner = s.owner();
      description = s.description();
      revision = s.revision();
      content = s.content();
      trackedRevision = s.trackedRevision();
      trackedContent = s.trackedContent();
      s.grants().forEach((k, v) -> grants.put(k, new LinkedHashSet<>(v)));
    }

    SecretState toState() {
      return new SecretState(
          id,
          label,
          owner,
          description,
          revision,
          content,
          trackedRevision,
          trackedContent,
          grants);
    }
  }

  final String unitName;
  final String appName;
  final CharmMeta meta;
  final boolean leader;
  final Map<String, Object> config;
  final Map<Integer, Rel> relations = new LinkedHashMap<>();
  final Map<String, Sec> secrets = new LinkedHashMap<>();
  final Set<String> ports = new LinkedHashSet<>();
  final Map<String, NetworkInfo> networks;
  final Map<String, String> unitState = new LinkedHashMap<>();
  final List<Status> unitStatusHistory = new ArrayList<>();
  final List<Status> appStatusHistory = new ArrayList<>();
  final List<LogLine> jujuLog = new ArrayList<>();
  Status unitStatus;
  Status appStatus;
  String workloadVersion;
  int secretCounter;

  // Action context; null params means "not running an action".
  Map<String, Object> actionParams;
  final Map<String, String> actionResults = new LinkedHashMap<>();
  final List<String> actionLogs = new ArrayList<>();
  String actionFailure;

  Sandbox(State state, CharmMeta meta, String unitName) {
    this.unitName = unitName;
    this.appName = unitName.substring(0, unitName.indexOf('/'));
    this.meta = meta;
    this.leader = state.leader();
    Map<String, Object> cfg = new LinkedHashMap<>();
    meta.options()
        .forEach(
            (name, o) -> {
              if (o.defaultValue() != null) {
                cfg.put(name, o.defaultValue());
              }
            });
    cfg.putAll(state.config());
    this.config = cfg;
    state.relations().forEach(r -> relations.put(r.id(), new Rel(r, appName)));
    state.secrets().forEach(s -> secrets.put(s.id(), new Sec(s)));
    state.openedPorts().forEach(p -> ports.add(p.spec()));
    this.networks = state.networks();
    this.unitStatus = state.unitStatus();
    this.appStatus = state.appStatus();
    this.workloadVersion = state.workloadVersion();
  }

  /** The error the real tool would raise: {@code ERROR <message>} on stderr, exit code. */
  static ModelError fail(List<String> argv, int exitCode, String message) {
    return ToolErrors.fromFailure(argv, exitCode, "ERROR " + message + "\n");
  }

  Rel relation(List<String> argv, int id) {
    Rel r = relations.get(id);
    if (r == null) {
      throw fail(argv, 2, "invalid value \"" + id + "\" for flag -r: relation not found");
    }
    return r;
  }

  State toState(State before, Map<String, Map<String, Object>> stored, List<Trigger> deferred) {
    List<RelationState> rels = new ArrayList<>();
    relations.values().forEach(r -> rels.add(r.toState()));
    List<SecretState> secs = new ArrayList<>();
    secrets.values().forEach(s -> secs.add(s.toState()));
    Set<Port> opened = new LinkedHashSet<>();
    ports.forEach(p -> opened.add(Port.parse(p)));
    return new State(
        before.config(),
        leader,
        rels,
        secs,
        stored,
        deferred,
        unitStatus,
        appStatus,
        opened,
        workloadVersion,
        networks);
  }
}
