package io.backupcharms.ops.model;

import io.backupcharms.ops.Status;
import io.backupcharms.ops.hooktools.ModelError;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A unit: this one (which the charm can change) or a remote or peer unit (read only). */
public final class Unit {
  private final Model model;
  private final String name;
  private final Application app;
  private final boolean local;

  Unit(Model model, String name, Application app, boolean local) {
    this.model = model;
    this.name = name;
    this.app = app;
    this.local = local;
  }

  /** The unit name, e.g. {@code bacula-fd/0}. */
  public String name() {
    return name;
  }

  /** The unit's application. */
  public Application app() {
    return app;
  }

  /** Whether this is the unit the hook runs on. */
  public boolean isLocal() {
    return local;
  }

  /**
   * Whether this unit is its application's leader ({@code is-leader}, once per hook).
   *
   * @throws ModelError for a remote unit: Juju only tells a unit about itself
   */
  public boolean isLeader() {
    requireLocal("ask whether it is the leader");
    return model.isLeader();
  }

  /** This unit's current workload status ({@code status-get}). */
  public Status status() {
    requireLocal("read its status");
    var info = model.tools().statusGet(false);
    return Status.of(info.status(), info.message());
  }

  /**
   * Sets this unit's workload status ({@code status-set}), effective at once. Prefer adding
   * statuses in a collect-status observer, which picks the most important one.
   *
   * @throws IllegalArgumentException for error or unknown, which only Juju sets
   */
  public void setStatus(Status status) {
    requireLocal("set its status");
    Statuses.requireSettable(status);
    model.tools().statusSet(false, status.name(), status.message());
  }

  /** Opens a port on this unit ({@code open-port}); kept only if the hook succeeds. */
  public void openPort(Port port) {
    requireLocal("open ports");
    model.tools().openPort(port.spec());
  }

  /** Closes a port on this unit ({@code close-port}). */
  public void closePort(Port port) {
    requireLocal("close ports");
    model.tools().closePort(port.spec());
  }

  /** Ports this unit has opened ({@code opened-ports}). */
  public Set<Port> openedPorts() {
    requireLocal("list opened ports");
    Set<Port> ports = new TreeSet<>((a, b) -> a.spec().compareTo(b.spec()));
    for (String spec : model.tools().openedPorts()) {
      ports.add(Port.parse(spec));
    }
    return ports;
  }

  /** Makes exactly these ports open: opens the missing ones and closes the rest. */
  public void setPorts(Set<Port> wanted) {
    Set<Port> current = openedPorts();
    for (Port p : current) {
      if (wanted.stream().noneMatch(w -> w.spec().equals(p.spec()))) {
        closePort(p);
      }
    }
    for (Port p : wanted) {
      if (current.stream().noneMatch(c -> c.spec().equals(p.spec()))) {
        openPort(p);
      }
    }
  }

  /** Sets the workload version shown in {@code juju status} ({@code application-version-set}). */
  public void setWorkloadVersion(String version) {
    requireLocal("set the workload version");
    model.tools().applicationVersionSet(version);
  }

  /**
   * Creates a secret owned by this unit ({@code secret-add --owner unit}), content passed by files,
   * never on the command line.
   *
   * @param label a label to find it again with {@link Model#secretByLabel}, or null
   */
  public Secret addSecret(Map<String, String> content, String label, String description) {
    requireLocal("add secrets");
    return Secret.add(model, content, label, description, "unit");
  }

  private void requireLocal(String what) {
    if (!local) {
      throw new ModelError(
          "unit "
              + name
              + " is a remote unit; only this unit ("
              + model.unit().name()
              + ") can "
              + what);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
