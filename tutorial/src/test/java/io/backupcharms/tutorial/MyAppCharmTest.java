package io.backupcharms.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.testing.Context;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The how-to's example charm publishes exactly the databag the guide shows. */
class MyAppCharmTest {
  private static final RelationState BACKUP =
      RelationState.of("backup", 3, "bacula-fd").withRemoteUnit("bacula-fd/0", Map.of());

  @TempDir Path scripts;
  private Context ctx;

  @BeforeEach
  void setUp() {
    ctx = Context.fromCharmDir(fw -> new MyAppCharm(fw, scripts), Path.of("example-charm"));
  }

  @Test
  void theLeaderPublishesTheFilesetAndTheScriptPaths() {
    State out =
        ctx.run(
            ctx.on().relationChanged(BACKUP, "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(BACKUP));
    assertEquals(
        Map.of(
            "fileset", "/var/backups/myapp,/etc/myapp",
            "run-before-backup", scripts.resolve("dump-db").toString(),
            "run-after-restore", scripts.resolve("load-db").toString()),
        out.relation(3).orElseThrow().localAppData());
    assertEquals(new ActiveStatus(), out.unitStatus());
  }

  @Test
  void everyUnitWritesTheScriptsButOnlyTheLeaderPublishes() throws Exception {
    State out =
        ctx.withUnit("myapp/1")
            .run(
                ctx.on().relationChanged(BACKUP, "bacula-fd/0"),
                State.empty().withLeader(false).withRelation(BACKUP));
    assertEquals(Map.of(), out.relation(3).orElseThrow().localAppData());
    assertTrue(Files.isExecutable(scripts.resolve("dump-db")));
    assertTrue(Files.readString(scripts.resolve("load-db")).startsWith("#!/bin/sh\n"));
  }
}
