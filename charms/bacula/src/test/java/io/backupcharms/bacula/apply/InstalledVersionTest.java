package io.backupcharms.bacula.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.config.BaculaVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledVersionTest {

  @Test
  void theInstalledDaemonsReportNineSixSeven() {
    // The Debian 12 packages on this machine; no daemon starts, none reads a configuration.
    for (Daemon daemon : Daemon.values()) {
      assertEquals(
          BaculaVersion.V9_6_7, InstalledVersion.ask(Path.of(daemon.path())), daemon.binary());
    }
  }

  @Test
  void aKnownVersionOfTheSameBinaryIsNotAskedAgain(@TempDir Path dir) throws IOException {
    Path binary = daemon(dir, "13.0.3");
    InstalledVersion first = InstalledVersion.detect(binary, Optional.empty());
    assertEquals(BaculaVersion.V13_0_3, first.version());
    Files.delete(dir.resolve("asked"));
    assertSame(first, InstalledVersion.detect(binary, Optional.of(first)));
    assertTrue(Files.notExists(dir.resolve("asked")), "the binary ran although its stamp matched");
  }

  @Test
  void aReplacedBinaryIsAskedAgain(@TempDir Path dir) throws IOException {
    Path binary = daemon(dir, "9.6.7");
    InstalledVersion before = InstalledVersion.detect(binary, Optional.empty());
    // An upgrade replaces the file: another size and time.
    Files.delete(binary);
    daemon(dir, "13.0.10");
    Files.setLastModifiedTime(binary, FileTime.fromMillis(1_700_000_000_000L));
    InstalledVersion after = InstalledVersion.detect(binary, Optional.of(before));
    assertEquals(new BaculaVersion(13, 0, 10), after.version());
    assertNotEquals(before.stamp(), after.stamp());
  }

  @Test
  void keepsItsTextAcrossHooks() {
    InstalledVersion v = new InstalledVersion(BaculaVersion.V13_0_3, "123/456/(dev=fd00,ino=42)");
    assertEquals(Optional.of(v), InstalledVersion.decode(v.encode()));
    assertEquals(Optional.empty(), InstalledVersion.decode("garbage"));
    assertEquals(Optional.empty(), InstalledVersion.decode(null));
  }

  @Test
  void aMissingBinaryIsNamed(@TempDir Path dir) {
    BaculaException e =
        assertThrows(
            BaculaException.class,
            () -> InstalledVersion.detect(dir.resolve("bacula-fd"), Optional.empty()));
    assertEquals(dir.resolve("bacula-fd") + " is missing", e.getMessage());
  }

  @Test
  void aBinaryPrintingNoVersionIsNamed(@TempDir Path dir) throws IOException {
    Path binary = Files.writeString(dir.resolve("bacula-fd"), "#!/bin/sh\necho oops >&2\nexit 1\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
    BaculaException e = assertThrows(BaculaException.class, () -> InstalledVersion.ask(binary));
    assertTrue(
        e.getMessage().startsWith(binary + " -? exited with 1: no \"Version: X.Y.Z (date)\" line"),
        e.getMessage());
  }

  /**
   * A stand-in daemon printing the usage text of {@code version}, recording each run in {@code
   * asked}.
   */
  private static Path daemon(Path dir, String version) throws IOException {
    Path binary =
        Files.writeString(
            dir.resolve("bacula-fd"),
            "#!/bin/sh\ntouch \"$(dirname \"$0\")/asked\"\n"
                + "printf 'Copyright (C) 2000-2023 Kern Sibbald.\\n\\nVersion: "
                + version
                + " (02 May 2023)\\n\\nUsage: bacula-fd\\n' >&2\nexit 1\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
    return binary;
  }
}
