package io.backupcharms.it;

import java.nio.file.Path;

/**
 * The three product charms of one build: this checkout's, or an earlier release's for the
 * upgrade test.
 *
 * @param server bacula-server
 * @param fd bacula-fd
 * @param integrator backup-integrator
 */
record Release(Path server, Path fd, Path integrator) {
  /** The charms this checkout's {@code mvn package} built. */
  static Release current() {
    return builtIn(Repo.root());
  }

  /** The charms built in the repository tree at {@code root}. */
  static Release builtIn(Path root) {
    return new Release(Charms.built(root, "bacula-server-charm", "bacula-server"),
        Charms.built(root, "bacula-fd-charm", "bacula-fd"),
        Charms.built(root, "backup-integrator-charm", "backup-integrator"));
  }
}
