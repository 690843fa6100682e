package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code refresh} replaces the charm as Juju's uniter does, keeping what the charm wrote. */
class RefreshTest {
  @TempDir Path tmp;

  @Test
  void refreshKeepsTheFilesTheCharmWroteAndDropsOnlyWhatTheOldCharmShipped() throws Exception {
    Map<String, String> v1 = new HashMap<>(HookOrderTest.recorder("app", ""));
    v1.put("on/hooks_install", "echo written-by-v1 > \"$CHARM_DIR/.charm-state\"\n");
    v1.put("shared.txt", "v1\n");
    v1.put("old-only/file.txt", "v1\n");
    Map<String, String> v2 = new HashMap<>(HookOrderTest.recorder("app", ""));
    v2.put("shared.txt", "v2\n");
    v2.put("new.txt", "v2\n");
    Path old = Charms.zip(Files.createDirectories(tmp.resolve("v1")), "app", v1);
    Path next = Charms.zip(Files.createDirectories(tmp.resolve("v2")), "app", v2);
    try (Cli cli = new Cli(tmp, "refresh")) {
      cli.run("deploy", old.toString()).ok();
      cli.settle();
      cli.run("refresh", "app", "--path", next.toString()).ok();
      cli.settle();
      Path charm = tmp.resolve("models/refresh/units/app-0/charm");
      assertEquals(
          "written-by-v1\n",
          Files.readString(charm.resolve(".charm-state")),
          "a file the charm wrote (its state) survives the refresh");
      assertEquals(
          "v2\n",
          Files.readString(charm.resolve("shared.txt")),
          "the new charm's files replace the old");
      assertTrue(Files.exists(charm.resolve("new.txt")), "the new charm's new files are there");
      assertFalse(
          Files.exists(charm.resolve("old-only")), "what only the old charm shipped is gone");
      assertTrue(
          cli.hooks("app/0").endsWith("hooks/upgrade-charm  \nhooks/config-changed  \n"),
          cli.hooks("app/0"));
    }
  }
}
