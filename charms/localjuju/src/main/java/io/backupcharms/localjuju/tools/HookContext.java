package io.backupcharms.localjuju.tools;

import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.model.ActionState;
import io.backupcharms.localjuju.model.SecretState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The context of one running hook or action: who runs, what for, and the writes Juju holds until
 * the hook exits 0 (relation settings, ports, secrets, unit state). Reads inside the hook see its
 * own pending writes.
 */
public final class HookContext {
  final String token;
  final String unit;
  final String app;
  final Hook hook;
  final Agent agent;
  final ActionState action;

  /** Pending unit-bag writes per relation id (empty value deletes). */
  final Map<Integer, Map<String, String>> unitBagWrites = new TreeMap<>();

  /** Pending app-bag writes per relation id (empty value deletes). */
  final Map<Integer, Map<String, String>> appBagWrites = new TreeMap<>();

  /** Pending port operations in order: {"open"|"close", spec}. */
  final List<String[]> portOps = new ArrayList<>();

  /** Pending unit-state writes (null deletes). */
  final Map<String, String> stateWrites = new LinkedHashMap<>();

  /** Secrets created or changed in this hook, as they will be after commit. */
  final Map<String, SecretState> pendingSecrets = new LinkedHashMap<>();

  /** Secrets removed entirely in this hook. */
  final List<String> removedSecrets = new ArrayList<>();

  /** Secrets that got a new revision in this hook. */
  final List<String> revisedSecrets = new ArrayList<>();

  /** A context for {@code hook} running on {@code unit}; {@code action} is null for hooks. */
  public HookContext(String token, String unit, Hook hook, Agent agent, ActionState action) {
    this.token = token;
    this.unit = unit;
    this.app = unit.substring(0, unit.indexOf('/'));
    this.hook = hook;
    this.agent = agent;
    this.action = action;
  }

  /** The token hook tools present (JUJU_CONTEXT_ID). */
  public String token() {
    return token;
  }

  /** The unit the hook runs on. */
  public String unit() {
    return unit;
  }

  /** The hook or action. */
  public Hook hook() {
    return hook;
  }
}
