package io.backupcharms.localjuju.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A relation between two application endpoints (or one peer endpoint), with its databags. */
public final class RelationState {
  public int id;
  public List<EndpointRef> endpoints = new ArrayList<>();

  /** Container scope: units only see counterparts on their own machine. */
  public boolean container;

  public String iface;

  /** Unit databags, by unit name. */
  public Map<String, Map<String, String>> unitBags = new TreeMap<>();

  /** Application databags, by application name. */
  public Map<String, Map<String, String>> appBags = new TreeMap<>();

  /** For each unit, the remote units it has seen join (what relation-list shows). */
  public Map<String, TreeSet<String>> joined = new TreeMap<>();

  /** True once remove-relation started its teardown. */
  public boolean dying;

  /** Units whose relation-created hook has been queued. */
  public TreeSet<String> created = new TreeSet<>();

  /** True for a peer relation. */
  public boolean isPeer() {
    return endpoints.size() == 1;
  }

  /** This app's endpoint in the relation, or null. */
  public EndpointRef endpointOf(String app) {
    return endpoints.stream().filter(e -> e.app.equals(app)).findFirst().orElse(null);
  }

  /** The other application (the same one for a peer relation). */
  public String remoteApp(String app) {
    return endpoints.stream()
        .filter(e -> !e.app.equals(app))
        .map(e -> e.app)
        .findFirst()
        .orElse(app);
  }

  /** Juju's relation key, e.g. {@code "db:5"} as seen from {@code app}. */
  public String idFor(String app) {
    return endpointOf(app).endpoint + ":" + id;
  }

  /** One side of a relation. */
  public static final class EndpointRef {
    public String app;
    public String endpoint;
    public String role;
    public String iface;

    public EndpointRef() {}

    public EndpointRef(String app, String endpoint, String role, String iface) {
      this.app = app;
      this.endpoint = endpoint;
      this.role = role;
      this.iface = iface;
    }
  }
}
