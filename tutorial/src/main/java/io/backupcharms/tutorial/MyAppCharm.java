package io.backupcharms.tutorial;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.Main;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.schema.BackupRequirerData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * An application charm that declares its own backups over the {@code backup} interface: the example
 * of docs/how-to/implement-the-backup-interface.md, compiled and tested so that the guide stays
 * true.
 */
public final class MyAppCharm extends CharmBase {
  static final String BACKUP = "backup";
  private static final String DUMP =
      """
      #!/bin/sh
      set -eu
      mkdir -p /var/backups/myapp
      sqlite3 /var/lib/myapp/app.db ".backup '/var/backups/myapp/app.db.tmp'"
      mv /var/backups/myapp/app.db.tmp /var/backups/myapp/app.db
      """;
  private static final String LOAD =
      """
      #!/bin/sh
      set -eu
      sqlite3 /var/lib/myapp/app.db ".restore '/var/backups/myapp/app.db'"
      """;

  private final Path scriptDir;

  /** Used by dispatch. */
  public MyAppCharm(Framework framework) {
    this(framework, Path.of("/usr/local/lib/myapp"));
  }

  /** With another script directory, for tests. */
  MyAppCharm(Framework framework, Path scriptDir) {
    super(framework);
    this.scriptDir = scriptDir;
    framework.observe(HookEvent.class, event -> reconcile());
    framework.observe(CollectStatusEvent.class, event -> event.addStatus(new ActiveStatus()));
  }

  /** Entry point for dispatch. */
  public static void main(String[] args) {
    Main.run(MyAppCharm::new);
  }

  private void reconcile() {
    // Every unit: the File Daemon runs the scripts on each machine of the application, so the
    // paths the leader publishes must exist on all of them, not only on the leader's.
    Path dump = writeScript("dump-db", DUMP);
    Path load = writeScript("load-db", LOAD);
    if (!unit().isLeader()) {
      return; // Only the leader may write the application databag.
    }
    // The record checks the interface's rules (absolute paths, no commas...) before anything is
    // published, and leaves unset scripts out of the databag rather than writing "".
    BackupRequirerData data =
        new BackupRequirerData(
            List.of("/var/backups/myapp", "/etc/myapp"),
            Optional.of(dump.toString()),
            Optional.empty(),
            Optional.empty(),
            Optional.of(load.toString()));
    for (Relation relation : model().relations(BACKUP)) {
      relation.localAppData().setAll(data.toDatabag());
    }
  }

  private Path writeScript(String name, String content) {
    Path file = scriptDir.resolve(name);
    try {
      Files.createDirectories(scriptDir);
      Files.writeString(file, content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the backup script " + file + ": " + e.getMessage(), e);
    }
  }
}
