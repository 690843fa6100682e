package io.backupcharms.ops.testing;

import io.backupcharms.ops.hooktools.HookTools;
import io.backupcharms.ops.hooktools.NetworkInfo;
import io.backupcharms.ops.hooktools.SecretInfo;
import io.backupcharms.ops.hooktools.StatusInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link HookTools} answered from a {@link Sandbox}, one handler class per tool family. */
final class MemoryHookTools implements HookTools {
  private final RelationTools relations;
  private final StatusTools status;
  private final SecretTools secrets;
  private final ActionTools actions;
  private final PortTools ports;
  private final UnitTools unit;

  MemoryHookTools(Sandbox box) {
    this.relations = new RelationTools(box);
    this.status = new StatusTools(box);
    this.secrets = new SecretTools(box);
    this.actions = new ActionTools(box);
    this.ports = new PortTools(box);
    this.unit = new UnitTools(box);
  }

  @Override
  public List<String> relationIds(String endpoint) {
    return relations.relationIds(endpoint);
  }

  @Override
  public List<String> relationList(int relationId) {
    return relations.relationList(relationId);
  }

  @Override
  public Optional<String> relationListApp(int relationId) {
    return relations.relationListApp(relationId);
  }

  @Override
  public Map<String, String> relationGet(int relationId, String unitOrApp, boolean app) {
    return relations.relationGet(relationId, unitOrApp, app);
  }

  @Override
  public void relationSet(int relationId, boolean app, Map<String, String> values) {
    relations.relationSet(relationId, app, values);
  }

  @Override
  public Map<String, Object> configGet() {
    return unit.configGet();
  }

  @Override
  public boolean isLeader() {
    return unit.isLeader();
  }

  @Override
  public void statusSet(boolean application, String statusName, String message) {
    status.statusSet(application, statusName, message);
  }

  @Override
  public StatusInfo statusGet(boolean application) {
    return status.statusGet(application);
  }

  @Override
  public void applicationVersionSet(String version) {
    status.applicationVersionSet(version);
  }

  @Override
  public void jujuLog(String level, String message) {
    unit.jujuLog(level, message);
  }

  @Override
  public Map<String, Object> actionGet() {
    return actions.actionGet();
  }

  @Override
  public void actionSet(Map<String, String> results) {
    actions.actionSet(results);
  }

  @Override
  public void actionFail(String message) {
    actions.actionFail(message);
  }

  @Override
  public void actionLog(String message) {
    actions.actionLog(message);
  }

  @Override
  public void openPort(String spec) {
    ports.openPort(spec);
  }

  @Override
  public void closePort(String spec) {
    ports.closePort(spec);
  }

  @Override
  public List<String> openedPorts() {
    return ports.openedPorts();
  }

  @Override
  public NetworkInfo networkGet(String binding, OptionalInt relationId) {
    return unit.networkGet(binding);
  }

  @Override
  public String secretAdd(
      Map<String, String> content, String label, String description, String owner) {
    return secrets.secretAdd(content, label, description, owner);
  }

  @Override
  public Map<String, String> secretGet(String id, String label, boolean peek, boolean refresh) {
    return secrets.secretGet(id, label, peek, refresh);
  }

  @Override
  public void secretSet(String id, Map<String, String> content, String label, String description) {
    secrets.secretSet(id, content, label, description);
  }

  @Override
  public void secretGrant(String id, int relationId, String unitName) {
    secrets.secretGrant(id, relationId, unitName);
  }

  @Override
  public void secretRevoke(String id, int relationId, String unitName) {
    secrets.secretRevoke(id, relationId, unitName);
  }

  @Override
  public void secretRemove(String id, OptionalInt revision) {
    secrets.secretRemove(id, revision);
  }

  @Override
  public List<String> secretIds() {
    return secrets.secretIds();
  }

  @Override
  public SecretInfo secretInfoGet(String id, String label) {
    return secrets.secretInfoGet(id, label);
  }

  @Override
  public Map<String, String> stateGet() {
    return unit.stateGet();
  }

  @Override
  public void stateSet(Map<String, String> values) {
    unit.stateSet(values);
  }

  @Override
  public void stateDelete(String key) {
    unit.stateDelete(key);
  }
}
