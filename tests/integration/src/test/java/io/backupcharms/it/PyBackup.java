package io.backupcharms.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deploys and drives py-backup ({@code tests/charms/adversarial/py-backup}), a Python charm that is
 * not ours: it speaks the {@code backup} interface itself, with no integrator, and publishes
 * whatever its config says, which is how the tests play well-behaved and hostile charms alike.
 */
public final class PyBackup {
  private PyBackup() {}

  /**
   * Deploys py-backup as {@code app} and bacula-fd as {@link BackupStack#fd} of it, related over
   * juju-info and backup, the fd to {@link BackupStack#SERVER}. With its default config py-backup
   * publishes a tree of awkward names and its own before-backup and after-restore scripts.
   */
  public static void deployClient(JujuModel model, String app) {
    String fd = BackupStack.fd(app);
    model.deploy(Charms.pyBackup(), app, 1, Map.of());
    model.deploy(Charms.baculaFd(), fd, 1, Map.of());
    model.integrate(app + ":juju-info", fd + ":juju-info");
    model.integrate(app + ":backup", fd + ":backup");
    model.integrate(fd + ":bacula-dir", BackupStack.SERVER + ":bacula-dir");
  }

  /**
   * Makes {@code app} publish {@code bag} verbatim as its {@code backup} data (keys it published
   * before and that {@code bag} lacks are deleted), then waits until every hook has run.
   */
  public static void publish(JujuModel model, String app, Map<String, String> bag) {
    model.config(app, Map.of("databag", LocalJuju.toJson(bag)));
    model.settle(BackupStack.SETTLE);
  }

  /**
   * Deploys py-backup as {@code app} playing a bacula-fd towards the server: it publishes {@code
   * bag} verbatim as its {@code bacula-dir} unit data and, with {@code serveFd}, runs a real File
   * Daemon under the name in the bag with the password the server grants it. Relates it to {@link
   * BackupStack#SERVER} and waits until every hook has run.
   */
  public static void deployRogue(
      JujuModel model, String app, Map<String, String> bag, boolean serveFd) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("dir-databag", LocalJuju.toJson(bag));
    if (serveFd) {
      config.put("serve-fd", "true");
    }
    model.deploy(Charms.pyBackup(), app, 1, config);
    model.integrate(app + ":bacula-dir", BackupStack.SERVER + ":bacula-dir");
    model.settle(BackupStack.SETTLE);
  }
}
