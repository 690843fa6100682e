package io.backupcharms.localjuju;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Tiny shell-script charms built by the tests, as real .charm zips with unix modes. */
final class Charms {
  private Charms() {}

  /** A dispatch that records every hook, then runs the charm's own snippet for it. */
  static final String RECORDER =
      String.join(
          "\n",
          "#!/bin/sh",
          "echo \"$JUJU_DISPATCH_PATH ${JUJU_REMOTE_UNIT:-} ${JUJU_DEPARTING_UNIT:-}\" >>"
              + " \"$CHARM_DIR/../hooks.log\"",
          "f=\"$CHARM_DIR/on/$(echo \"$JUJU_DISPATCH_PATH\" | tr / _)\"",
          "if [ -f \"$f\" ]; then . \"$f\"; fi",
          "");

  /** Writes the same files as a charm directory (what `localjuju deploy ./dir` takes). */
  static Path dir(Path parent, String name, Map<String, String> files) throws IOException {
    Path dir = parent.resolve(name);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    dir.resolve("dispatch").toFile().setExecutable(true, false);
    return dir;
  }

  /**
   * Writes a zip with {@code files} (path to content); {@code dispatch} and scripts are mode 755.
   */
  static Path zip(Path dir, String name, Map<String, String> files) throws IOException {
    Path zip = dir.resolve(name + ".charm");
    try (OutputStream os = Files.newOutputStream(zip);
        ZipArchiveOutputStream z = new ZipArchiveOutputStream(os)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        ZipArchiveEntry e = new ZipArchiveEntry(f.getKey());
        e.setUnixMode(f.getKey().equals("dispatch") ? 0100755 : 0100644);
        z.putArchiveEntry(e);
        z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeArchiveEntry();
      }
      // hooks/install links to ../dispatch, as charmcraft packs it.
      ZipArchiveEntry link = new ZipArchiveEntry("hooks/install");
      link.setUnixMode(0120777);
      z.putArchiveEntry(link);
      z.write("../dispatch".getBytes(StandardCharsets.UTF_8));
      z.closeArchiveEntry();
    }
    return zip;
  }
}
