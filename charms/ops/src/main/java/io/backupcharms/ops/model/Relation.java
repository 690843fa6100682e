package io.backupcharms.ops.model;

import io.backupcharms.ops.hooktools.ModelError;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One relation: an endpoint of this charm integrated with a remote application (or, for a peer
 * endpoint, with the other units of this application), with a databag per unit and application.
 */
public final class Relation {
  private final Model model;
  private final String name;
  private final int id;
  private final Map<String, Databag> bags = new HashMap<>();
  private Set<Unit> units;
  private Optional<Application> app;

  Relation(Model model, String name, int id) {
    this.model = model;
    this.name = name;
    this.id = id;
  }

  /** The endpoint name, e.g. {@code backup}. */
  public String name() {
    return name;
  }

  /** Juju's relation id (the number in {@code backup:7}). */
  public int id() {
    return id;
  }

  /** Whether this relation is on a peer endpoint. */
  public boolean isPeer() {
    return model.meta().relation(name).map(CharmMeta.RelationMeta::isPeer).orElse(false);
  }

  /**
   * The remote application: this unit's own application for a peer relation; empty when Juju does
   * not know it (e.g. a relation being broken whose remote side is gone).
   */
  public Optional<Application> app() {
    if (app == null) {
      ModelContext ctx = model.context();
      if (ctx.eventRelationId() == id && !ctx.eventRemoteApp().isEmpty()) {
        app = Optional.of(model.appNamed(ctx.eventRemoteApp()));
      } else {
        app = model.tools().relationListApp(id).map(model::appNamed);
      }
    }
    return app;
  }

  /** The remote units (peer units for a peer relation), from {@code relation-list}. */
  public Set<Unit> units() {
    if (units == null) {
      Set<Unit> set = new LinkedHashSet<>();
      for (String u : model.tools().relationList(id)) {
        set.add(model.unitNamed(u));
      }
      units = Set.copyOf(set);
    }
    return units;
  }

  /** A unit's databag in this relation. */
  public Databag data(Unit unit) {
    return bags.computeIfAbsent(
        "unit:" + unit.name(), k -> new Databag(model, this, unit.name(), false, unit.isLocal()));
  }

  /** An application's databag in this relation. */
  public Databag data(Application application) {
    return bags.computeIfAbsent(
        "app:" + application.name(),
        k -> new Databag(model, this, application.name(), true, application.isLocal()));
  }

  /** This unit's own databag (always readable and writable). */
  public Databag localUnitData() {
    return data(model.unit());
  }

  /** This application's databag (written only by the leader, read by a non-leader not at all). */
  public Databag localAppData() {
    return data(model.app());
  }

  /**
   * The remote application's databag.
   *
   * @throws io.backupcharms.ops.hooktools.ModelError if the remote application is unknown
   */
  public Databag remoteAppData() {
    return data(
        app()
            .orElseThrow(
                () -> new ModelError("relation " + this + " has no known remote application")));
  }

  /** A remote unit's databag. */
  public Databag remoteUnitData(Unit unit) {
    return data(unit);
  }

  @Override
  public String toString() {
    return name + ":" + id;
  }
}
