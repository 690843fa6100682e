package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.model.AppState;
import io.backupcharms.localjuju.model.UnitState;

/**
 * Names on the command line: applications, units and {@code app/leader}. Call with the lock held.
 */
final class Targets {
  private Targets() {}

  static AppState app(Controller c, String name) {
    AppState a = c.st.applications.get(name);
    if (a == null) {
      throw new Lifecycle.ModelError("application " + Lifecycle.q(name) + " not found");
    }
    return a;
  }

  static UnitState unit(Controller c, String name) {
    if (name.endsWith("/leader")) {
      AppState a = app(c, name.substring(0, name.indexOf('/')));
      return a.units.values().stream()
          .filter(u -> u.leader)
          .findFirst()
          .orElseThrow(
              () ->
                  new Lifecycle.ModelError(
                      "application " + Lifecycle.q(a.name) + " has no leader"));
    }
    UnitState u = c.st.unit(name);
    if (u == null) {
      throw new Lifecycle.ModelError("unit " + Lifecycle.q(name) + " not found");
    }
    return u;
  }
}
