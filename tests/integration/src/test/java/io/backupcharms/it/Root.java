package io.backupcharms.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a test that needs root (namespaces, overlays, daemons run as other users) cannot run here.
 */
final class Root {
  private Root() {}

  static Optional<String> missingReason() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      if (!Integer.valueOf(0).equals(uid)) {
        return Optional.of(
            "needs root (uid 0, running as uid "
                + uid
                + "): localjuju machines are Linux namespaces and the daemons run as their own"
                + " users; run scripts/test.sh as root");
      }
      return Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.of("cannot tell whether this runs as root: " + e.getMessage());
    }
  }
}
