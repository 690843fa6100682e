package io.backupcharms.it;

import java.time.Duration;
import java.util.Map;

/**
 * Deploys the product the way the docs tell an operator to: bacula-server, and for each backed-up
 * application a backup-integrator and a bacula-fd, integrated over juju-info, backup and
 * bacula-dir. Public for the tests of other packages that deploy their own clients next to it.
 */
public final class BackupStack {
  /** The bacula-server application's name. */
  public static final String SERVER = "bacula-server";

  /** How long deployments and relation changes may take to settle. */
  public static final Duration SETTLE = Duration.ofMinutes(8);

  /** How long one backup or restore job may take. */
  public static final Duration JOB = Duration.ofMinutes(5);

  static final String FILESET = "/srv/demo/files,/srv/demo/dump";

  /** Dumps the live SQLite database consistently into the backed-up dump directory. */
  static final String DUMP_SCRIPT =
      "#!/bin/sh\nset -eu\nmkdir -p /srv/demo/dump\n"
          + "sqlite3 /srv/demo/db/demo.db \".backup '/srv/demo/dump/demo.db.tmp'\"\n"
          + "mv /srv/demo/dump/demo.db.tmp /srv/demo/dump/demo.db\n";

  /** Loads the restored dump back into the live database. */
  static final String LOAD_SCRIPT =
      "#!/bin/sh\nset -eu\nmkdir -p /srv/demo/db\n"
          + "sqlite3 /srv/demo/db/demo.db \".restore '/srv/demo/dump/demo.db'\"\n";

  private BackupStack() {}

  /** Deploys one unit of bacula-server as {@link #SERVER}. */
  public static void deployServer(JujuModel model) {
    deployServer(model, Release.current());
  }

  /** Deploys one unit of {@code release}'s bacula-server as {@link #SERVER}. */
  static void deployServer(JujuModel model, Release release) {
    model.deploy(release.server(), SERVER, 1, Map.of(), release.base());
  }

  /**
   * Deploys demo-app as {@code app} with {@code units} units, its integrator {@code app-integrator}
   * and its File Daemon {@code app-fd}, all related, the fd to the server.
   */
  public static void deployTarget(JujuModel model, String app, int units) {
    deployTarget(model, app, units, Release.current());
  }

  /** Like {@link #deployTarget(JujuModel, String, int)}, with {@code release}'s charms. */
  static void deployTarget(JujuModel model, String app, int units, Release release) {
    model.deploy(Charms.demoApp(), app, units, Map.of(), release.base());
    model.deploy(
        release.integrator(),
        integrator(app),
        1,
        Map.of(
            "fileset",
            FILESET,
            "run-before-backup",
            DUMP_SCRIPT,
            "run-after-restore",
            LOAD_SCRIPT));
    model.deploy(release.fd(), fd(app), 1, Map.of());
    model.integrate(app + ":juju-info", integrator(app) + ":juju-info");
    model.integrate(app + ":juju-info", fd(app) + ":juju-info");
    model.integrate(integrator(app) + ":backup", fd(app) + ":backup");
    model.integrate(fd(app) + ":bacula-dir", SERVER + ":bacula-dir");
  }

  /** The server and one demo-app target with {@code units} units, all active. */
  public static void deployStack(JujuModel model, String app, int units) {
    deployServer(model);
    deployTarget(model, app, units);
    model.waitForActive(SETTLE, app, integrator(app), fd(app), SERVER);
  }

  public static String integrator(String app) {
    return app + "-integrator";
  }

  /** The name of the bacula-fd application that backs up {@code app}. */
  public static String fd(String app) {
    return app + "-fd";
  }

  /** Runs an action on the server's leader; a failed action is returned, not thrown. */
  public static ActionResult server(JujuModel model, String action, Map<String, String> params) {
    return model.run(SERVER + "/leader", action, params, JOB);
  }

  /**
   * Runs an action on the server's leader as an operator types it, returning the command's exit
   * code and output: for actions that must be refused.
   */
  public static Processes.Result serverRaw(
      JujuModel model, String action, Map<String, String> params) {
    return model.runRaw(SERVER + "/leader", action, params, JOB);
  }

  /** Backs up {@code unit}'s machine at {@code level} ({@code Full}, {@code Incremental}...). */
  public static ActionResult backup(JujuModel model, String unit, String level) {
    return server(model, "run-backup", Map.of("client", unit, "level", level));
  }

  /** Restores {@code unit}'s machine from its latest backup, in place. */
  public static ActionResult restore(JujuModel model, String unit) {
    return server(model, "restore", Map.of("client", unit));
  }
}
