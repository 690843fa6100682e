package io.backupcharms.localjuju.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One action task: what was asked, its progress log and results. */
public final class ActionState {
  public String id;
  public String operation;
  public String unit;
  public String name;
  public Map<String, Object> params = new TreeMap<>();

  /** pending, running, completed or failed. */
  public String status = "pending";

  public String message = "";
  public Map<String, Object> results = new TreeMap<>();
  public List<String> log = new ArrayList<>();
  public String enqueued = "";
  public String started = "";
  public String completed = "";
  public int returnCode;
  public String stdout = "";
  public String stderr = "";
}
