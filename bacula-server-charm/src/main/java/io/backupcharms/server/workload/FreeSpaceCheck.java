package io.backupcharms.server.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The script every backup Job runs on the Director before it writes: it fails the job, saying why,
 * when the volume directory's disk has less free space than {@code min-free-space}. Scheduled jobs
 * never pass through the charm, so the check must live in the Director's configuration. A job
 * refused so writes nothing, and no existing volume is touched.
 */
public final class FreeSpaceCheck {

  private static final String SCRIPT =
      String.join(
          "\n",
          "#!/bin/sh",
          "# Written by the bacula-server charm: fails a backup before it writes when the disk of"
              + " the",
          "# volume directory has less than min-free-space left. Usage: <directory> <bytes>",
          "avail=$(df -P -B1 \"$1\" | awk 'NR == 2 { print $4 }')",
          "if [ -z \"$avail\" ]; then echo \"cannot measure the free space of $1\"; exit 1; fi",
          "if [ \"$avail\" -lt \"$2\" ]; then",
          "  echo \"only $avail bytes are free on the disk of $1, under min-free-space ($2 bytes):"
              + " nothing was written and every existing backup is intact; free space, add a disk,"
              + " or shorten volume-retention\"",
          "  exit 1",
          "fi",
          "");

  private FreeSpaceCheck() {}

  /** The Director's command line for the check. */
  public static String command(ServerLayout layout, long minFreeBytes) {
    return layout.freeSpaceCheck() + " " + layout.volumes() + " " + minFreeBytes;
  }

  /** Writes the script (root-owned, 0755: the Director runs it as bacula) unless it is current. */
  public static void install(ServerLayout layout) {
    Path script = layout.freeSpaceCheck();
    try {
      if (Files.isRegularFile(script) && Files.readString(script).equals(SCRIPT)) {
        return;
      }
      Files.createDirectories(script.getParent());
      Path tmp = Files.createTempFile(script.getParent(), "check-free-space", ".tmp");
      Files.writeString(tmp, SCRIPT);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(tmp, script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + script + ": " + e.getMessage(), e);
    }
  }
}
