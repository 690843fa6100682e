package io.backupcharms.ops.model;

import io.backupcharms.ops.hooktools.HookTools;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.hooktools.SecretNotFoundError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The Juju model as this unit sees it during one hook. Reads go through hook tools and are cached
 * for the rest of the hook (Juju answers from a snapshot taken when the hook started); writes go
 * through at once and update the cache.
 */
public final class Model {
  private final HookTools tools;
  private final ModelContext context;
  private final Map<String, Unit> units = new HashMap<>();
  private final Map<String, Application> apps = new HashMap<>();
  private final Map<String, List<Relation>> relations = new HashMap<>();
  private final Map<Integer, Relation> relationsById = new HashMap<>();
  private final Unit unit;
  private final Application app;
  private Boolean leader;
  private ConfigData config;
  private CharmMeta meta;

  /** Created by the framework for each hook; charms get it from {@code CharmBase.model()}. */
  public Model(HookTools tools, ModelContext context) {
    this.tools = tools;
    this.context = context;
    this.app = new Application(this, context.appName(), true);
    apps.put(app.name(), app);
    this.unit = new Unit(this, context.unitName(), app, true);
    units.put(unit.name(), unit);
  }

  /** The model's name. */
  public String name() {
    return context.modelName();
  }

  /** The model's UUID. */
  public String uuid() {
    return context.modelUuid();
  }

  /** The Juju agent's version, e.g. {@code 3.6.4}. */
  public String jujuVersion() {
    return context.jujuVersion();
  }

  /** This unit. */
  public Unit unit() {
    return unit;
  }

  /** This unit's application. */
  public Application app() {
    return app;
  }

  /** The charm's metadata (endpoints, actions, config options). */
  public CharmMeta meta() {
    if (meta == null) {
      meta = context.meta().get();
    }
    return meta;
  }

  /** This application's config, read once per hook with {@code config-get --all}. */
  public ConfigData config() {
    if (config == null) {
      config = new ConfigData(tools.configGet());
    }
    return config;
  }

  /**
   * Every relation on an endpoint, in id order.
   *
   * @throws ModelError if the charm's metadata declares no such endpoint
   */
  public List<Relation> relations(String endpoint) {
    List<Relation> cached = relations.get(endpoint);
    if (cached != null) {
      return cached;
    }
    List<String> ids = tools.relationIds(endpoint);
    if (ids.isEmpty()) {
      // Only now read the metadata: a typo in an endpoint name must not pass as "no relations",
      // but the common case (relations exist) should not pay for parsing YAML.
      CharmMeta m = meta();
      // juju-info is provided implicitly by every charm, so metadata need not declare it.
      if (!m.relations().isEmpty()
          && !m.relations().containsKey(endpoint)
          && !endpoint.equals("juju-info")) {
        throw new ModelError(
            "charm "
                + m.name()
                + " has no relation endpoint \""
                + endpoint
                + "\"; declared endpoints: "
                + String.join(", ", new TreeSet<>(m.relations().keySet())));
      }
    }
    List<Relation> list = new ArrayList<>();
    for (String id : ids) {
      int number = parseRelationId(id);
      // Juju still lists a relation during its own relation-broken hook; charms should not see it.
      if (number != context.brokenRelationId()) {
        list.add(relation(endpoint, number));
      }
    }
    List<Relation> result = List.copyOf(list);
    relations.put(endpoint, result);
    return result;
  }

  /**
   * The one relation on an endpoint, if any.
   *
   * @throws ModelError if there is more than one; use {@link #relations(String)} then
   */
  public Optional<Relation> relation(String endpoint) {
    List<Relation> list = relations(endpoint);
    if (list.size() > 1) {
      throw new ModelError(
          "endpoint \""
              + endpoint
              + "\" has "
              + list.size()
              + " relations ("
              + list.stream().map(Relation::toString).toList()
              + "); use model.relations(\""
              + endpoint
              + "\") to handle each");
    }
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /**
   * The relation with this id on this endpoint, e.g. from an event; not checked against Juju until
   * used.
   */
  public Relation relation(String endpoint, int id) {
    return relationsById.computeIfAbsent(id, i -> new Relation(this, endpoint, i));
  }

  /** A unit by name, local or remote. */
  public Unit unitNamed(String name) {
    return units.computeIfAbsent(
        name,
        n -> {
          String appName = n.substring(0, n.indexOf('/'));
          return new Unit(this, n, appNamed(appName), false);
        });
  }

  /** An application by name, local or remote. */
  public Application appNamed(String name) {
    return apps.computeIfAbsent(name, n -> new Application(this, n, false));
  }

  /**
   * A secret by id (its URI), without reading it yet.
   *
   * @throws SecretNotFoundError later, when its content is read, if it does not exist
   */
  public Secret secret(String id) {
    return new Secret(this, id, null);
  }

  /** A secret by the label this unit gave it (as owner or consumer). */
  public Secret secretByLabel(String label) {
    return new Secret(this, null, label);
  }

  /** The addresses of an endpoint binding, e.g. to tell a remote unit where to connect. */
  public Network network(String binding) {
    return new Network(binding, tools.networkGet(binding, OptionalInt.empty()));
  }

  /** The addresses of an endpoint binding as seen over one relation. */
  public Network network(String binding, Relation relation) {
    return new Network(binding, tools.networkGet(binding, OptionalInt.of(relation.id())));
  }

  boolean isLeader() {
    if (leader == null) {
      leader = tools.isLeader();
    }
    return leader;
  }

  HookTools tools() {
    return tools;
  }

  ModelContext context() {
    return context;
  }

  static int parseRelationId(String id) {
    try {
      return Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      throw new ModelError("relation id \"" + id + "\" is not of the form <endpoint>:<number>", e);
    }
  }
}
