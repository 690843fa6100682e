package io.backupcharms.it;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three product charms of one build: this checkout's, or an earlier release's for the upgrade
 * test.
 *
 * @param server bacula-server
 * @param fd bacula-fd
 * @param integrator backup-integrator
 */
record Release(Path server, Path fd, Path integrator) {
  private static final Pattern BASE = Pattern.compile("_(ubuntu@[0-9.]+)-[a-z0-9]+\\.charm$");

  /** The base these charms are deployed on: the one the server's file was packed for. */
  String base() {
    Matcher m = BASE.matcher(server.getFileName().toString());
    if (!m.find()) {
      throw new IllegalStateException("no base in the file name of " + server);
    }
    return m.group(1);
  }

  /** The charms this checkout's {@code mvn package} built. */
  static Release current() {
    return builtIn(Repo.root());
  }

  /** The charms built in the repository tree at {@code root}. */
  static Release builtIn(Path root) {
    return new Release(
        Charms.built(root, "bacula-server-charm", "bacula-server"),
        Charms.built(root, "bacula-fd-charm", "bacula-fd"),
        Charms.built(root, "backup-integrator-charm", "backup-integrator"));
  }
}
