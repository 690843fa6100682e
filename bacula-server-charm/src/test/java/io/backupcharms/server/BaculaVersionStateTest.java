package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.testing.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * Which Bacula the server renders for: asked at install, after upgrade-charm and after a package
 * change.
 */
class BaculaVersionStateTest extends ServerStateTest {

  private static State leader() {
    return State.empty().withLeader(true);
  }

  @Test
  void installAsksTheInstalledDirectorAndLaterHooksKeepItsAnswer() {
    State installed = ctx.run(ctx.on().install(), leader());
    assertEquals(1, workload.versionProbes);
    assertEquals(BaculaVersion.V9_6_7, workload.renderedFor);
    assertTrue(
        String.valueOf(installed.storedCharm().get(Reconciler.VERSION)).startsWith("9.6.7 "),
        installed.storedCharm().toString());
    ctx.run(ctx.on().updateStatus(), installed);
    assertEquals(1, workload.versionProbes);
  }

  @Test
  void aReplacedDirectorBinaryIsAskedAgainAndItsVersionRenderedFor() throws IOException {
    workload.directorBinary = standIn("9.6.7");
    State installed = ctx.run(ctx.on().install(), leader());
    String file = workload.directorConfig();
    Files.delete(workload.directorBinary);
    workload.directorBinary = standIn("13.0.3 (13.0 build)");
    ctx.run(ctx.on().updateStatus(), installed);
    assertEquals(2, workload.versionProbes);
    assertEquals(BaculaVersion.V13_0_3, workload.renderedFor);
    // The server's own resources read the same to 13.0 (docs/reference/bacula-versions.md).
    assertEquals(file, workload.directorConfig());
  }

  @Test
  void upgradeCharmAsksTheDirectorAgain() {
    State installed = ctx.run(ctx.on().install(), leader());
    ctx.run(ctx.on().upgradeCharm(), installed);
    assertEquals(2, workload.versionProbes);
  }

  @Test
  void aMissingDirectorBinaryBlocksNamingThePackageAndWritesNothing() {
    workload.directorBinary = root.resolve("no-such-bacula-dir");
    State out = ctx.run(ctx.on().install(), leader());
    assertEquals(
        new BlockedStatus(
            "cannot tell which Bacula the machine has: "
                + workload.directorBinary
                + " is missing; reinstall bacula-director on it"
                + " (apt-get install --reinstall bacula-director); the next hook checks again"),
        out.unitStatus());
    assertTrue(Files.notExists(workload.layout.directorConfig()));
  }

  /**
   * A stand-in bacula-dir printing the usage text of {@code version}, as the real one does for -?.
   */
  private Path standIn(String version) throws IOException {
    Path binary =
        Files.writeString(
            root.resolve("bacula-dir"),
            "#!/bin/sh\nprintf 'Copyright (C) 2000-2023 Kern"
                + " Sibbald.\\n\\nVersion: "
                + version.split(" ")[0]
                + " (02 May 2023)\\n\\nUsage: bacula-dir\\n' >&2\n"
                + "# "
                + version
                + "\nexit 1\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
    return binary;
  }
}
