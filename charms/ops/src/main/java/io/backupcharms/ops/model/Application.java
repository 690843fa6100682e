package io.backupcharms.ops.model;

import io.backupcharms.ops.Status;
import io.backupcharms.ops.hooktools.ModelError;
import java.util.Map;

/** An application: this unit's own (whose status the leader sets) or a remote one. */
public final class Application {
  private final Model model;
  private final String name;
  private final boolean local;

  Application(Model model, String name, boolean local) {
    this.model = model;
    this.name = name;
    this.local = local;
  }

  public String name() {
    return name;
  }

  /** Whether this is the application of the unit the hook runs on. */
  public boolean isLocal() {
    return local;
  }

  /**
   * The application's status ({@code status-get --application}).
   *
   * @throws ModelError if this unit is not the leader, or for a remote application
   */
  public Status status() {
    requireLocalLeader("read the application status");
    var info = model.tools().statusGet(true);
    return Status.of(info.status(), info.message());
  }

  /**
   * Sets the application's status ({@code status-set --application}).
   *
   * @throws ModelError if this unit is not the leader, or for a remote application
   */
  public void setStatus(Status status) {
    requireLocalLeader("set the application status");
    Statuses.requireSettable(status);
    model.tools().statusSet(true, status.name(), status.message());
  }

  /**
   * Creates a secret owned by the application ({@code secret-add --owner application}).
   *
   * @throws ModelError if this unit is not the leader: only the leader manages application secrets
   */
  public Secret addSecret(Map<String, String> content, String label, String description) {
    requireLocalLeader("add application secrets");
    return Secret.add(model, content, label, description, "application");
  }

  private void requireLocalLeader(String what) {
    if (!local) {
      throw new ModelError(
          "application "
              + name
              + " is remote; only this unit's application ("
              + model.app().name()
              + ") can "
              + what);
    }
    if (!model.isLeader()) {
      throw new ModelError(
          "unit "
              + model.unit().name()
              + " is not the leader of "
              + name
              + " and cannot "
              + what
              + "; check unit.isLeader() first");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
