package io.backupcharms.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptFilesTest {
  private static final List<String> KNOWN = List.of("run-before-backup", "run-after-backup");

  @TempDir Path tmp;

  @Test
  void writesWantedScriptsExecutableAndRemovesTheOthers() throws Exception {
    ScriptFiles scripts = new ScriptFiles(tmp.resolve("bi"));
    scripts.sync(
        Map.of("run-before-backup", "#!/bin/sh\n", "run-after-backup", "#!/bin/sh\n"), KNOWN);
    scripts.sync(Map.of("run-before-backup", "#!/bin/sh\necho v2\n"), KNOWN);
    Path before = scripts.pathOf("run-before-backup");
    assertEquals("#!/bin/sh\necho v2\n", Files.readString(before));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(before)));
    assertFalse(Files.exists(scripts.pathOf("run-after-backup")));
    assertEquals(List.of(before), Files.list(tmp.resolve("bi")).toList(), "no temp files left");
  }

  @Test
  void unchangedScriptsAreNotRewritten() throws Exception {
    ScriptFiles scripts = new ScriptFiles(tmp.resolve("bi"));
    scripts.sync(Map.of("run-before-backup", "#!/bin/sh\n"), KNOWN);
    Path file = scripts.pathOf("run-before-backup");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, old);
    scripts.sync(Map.of("run-before-backup", "#!/bin/sh\n"), KNOWN);
    assertEquals(old, Files.getLastModifiedTime(file));
  }

  @Test
  void aSymlinkPlantedAtTheScriptPathIsReplacedNotFollowed() throws Exception {
    ScriptFiles scripts = new ScriptFiles(tmp.resolve("bi"));
    Files.createDirectories(tmp.resolve("bi"));
    Path victim = Files.writeString(tmp.resolve("victim"), "keep");
    Files.createSymbolicLink(scripts.pathOf("run-before-backup"), victim);
    scripts.sync(Map.of("run-before-backup", "#!/bin/sh\n"), KNOWN);
    assertEquals("keep", Files.readString(victim));
    assertFalse(Files.isSymbolicLink(scripts.pathOf("run-before-backup")));
  }
}
