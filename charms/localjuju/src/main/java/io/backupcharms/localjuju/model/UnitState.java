package io.backupcharms.localjuju.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A unit: its machine, statuses, ports, unit state and leadership. */
public final class UnitState {
  public String name;
  public String app;
  public String machine;

  /** The principal unit of a subordinate; empty for principals. */
  public String principal = "";

  public List<String> subordinates = new ArrayList<>();
  public boolean leader;
  public String workloadStatus = "waiting";
  public String workloadMessage = "waiting for machine";
  public String workloadSince = "";
  public String agentStatus = "allocating";
  public String agentMessage = "";
  public String agentSince = "";

  /** Hook that failed and waits for {@code resolve}; empty when the unit is not in error. */
  public String failedHook = "";

  public TreeSet<String> ports = new TreeSet<>();
  public Map<String, String> state = new TreeMap<>();

  /** True once the unit ran its start hook. */
  public boolean started;

  /** True while the unit runs its teardown (stop/remove queued). */
  public boolean dying;
}
