package io.backupcharms.localjuju.model;

import java.util.Map;
import java.util.TreeMap;

/** An application: its charm, config and units. */
public final class AppState {
  public String name;
  public String charmName;

  /** The pristine unpacked charm; each unit gets its own copy. */
  public String charmDir;

  public int charmRevision;

  /** The base the application was deployed on, e.g. {@code ubuntu@22.04}; its machines have it. */
  public String base = "";

  public boolean subordinate;
  public int nextUnit;

  /** Config values set by the operator (defaults come from the charm). */
  public Map<String, Object> config = new TreeMap<>();

  public Map<String, UnitState> units = new TreeMap<>();
  public String status = "";
  public String statusMessage = "";
  public String statusSince = "";
  public String version = "";
}
