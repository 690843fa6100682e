package io.backupcharms.localjuju.model;

import java.util.Map;
import java.util.TreeMap;

/** A Juju secret: owner, revisions, grants and consumers' tracked revisions. */
public final class SecretState {
  public String id;
  public String ownerApp;

  /** Owning unit for unit-owned secrets; empty for application-owned ones. */
  public String ownerUnit = "";

  public String label = "";
  public String description = "";
  public String rotate = "";
  public String expire = "";
  public int latest;
  public Map<Integer, Map<String, String>> revisions = new TreeMap<>();

  /** Grants by relation id: the application, or one unit when granted with --unit. */
  public Map<Integer, Grant> grants = new TreeMap<>();

  /** Consumers by unit name: the revision they track and their own label. */
  public Map<String, Consumer> consumers = new TreeMap<>();

  /** One grant of a secret over a relation. */
  public static final class Grant {
    public String app;
    public String unit = "";

    /**
     * When the grant takes effect (epoch millis; 0: at once). Only model-config {@code
     * localjuju-grant-delay} sets it, to open Juju's window in which a consumer already sees a
     * secret's id in relation data but may not read it yet.
     */
    public long notBefore;
  }

  /** A consuming unit's view of a secret. */
  public static final class Consumer {
    public int revision;
    public String label = "";
  }
}
