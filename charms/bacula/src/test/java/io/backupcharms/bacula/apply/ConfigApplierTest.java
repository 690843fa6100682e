package io.backupcharms.bacula.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.InvalidConfigException;
import io.backupcharms.bacula.config.Job;
import io.backupcharms.bacula.render.BaculaRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigApplierTest {
  @TempDir Path dir;
  private Samples s;
  private final ConfigApplier applier = new ConfigApplier();

  @BeforeEach
  void catalog() throws Exception {
    s = new Samples(dir, "127.0.0.1", 9101, 9102, 9103);
    CatalogSetup.createSqlite(Files.createDirectories(dir.resolve("work")), "bacula");
  }

  @Test
  void validFileReplacesTheLiveOneWithMode0640AndGroupBacula() throws Exception {
    Path live = dir.resolve("etc/bacula-dir.conf");
    assertEquals(
        ApplyResult.REPLACED, applier.applyDirector(s.directorConfig(List.of("/srv")), live));
    assertEquals(BaculaRenderer.render(s.directorConfig(List.of("/srv"))), Files.readString(live));
    PosixFileAttributes a = Files.readAttributes(live, PosixFileAttributes.class);
    assertEquals("rw-r-----", PosixFilePermissions.toString(a.permissions()));
    assertEquals("bacula", a.group().getName());
    assertEquals(
        ApplyResult.UNCHANGED, applier.applyDirector(s.directorConfig(List.of("/srv")), live));
    try (var files = Files.list(live.getParent())) {
      assertEquals(List.of(live), files.toList(), "no candidate left behind");
    }
  }

  @Test
  void rejectedCandidateLeavesTheLiveFileUntouchedAndQuotesTheDaemon() throws Exception {
    Path live = dir.resolve("bacula-dir.conf");
    applier.applyDirector(s.directorConfig(List.of("/srv")), live);
    String before = Files.readString(live);
    String broken =
        BaculaRenderer.render(s.directorConfig(List.of("/srv")))
            .replace(
                "FileSet = \"test-fd-fileset\"\n  Accurate",
                "FileSet = \"missing-fileset\"\n  Accurate");
    ConfigRejectedException e =
        assertThrows(
            ConfigRejectedException.class, () -> applier.apply(Daemon.DIRECTOR, live, broken));
    assertTrue(e.daemonOutput().contains("missing-fileset"), e.daemonOutput());
    assertTrue(
        e.getMessage().startsWith("bacula-dir -t rejected the new configuration for " + live),
        e.getMessage());
    assertTrue(e.getMessage().contains("running configuration is unchanged"), e.getMessage());
    assertEquals(before, Files.readString(live));
    assertFalse(Files.exists(dir.resolve(".bacula-dir.conf.candidate")));
  }

  @Test
  void danglingReferencesAreRefusedBeforeAnyDaemonRuns() {
    DirectorConfig c =
        s.directorConfig(List.of("/srv"))
            .withJob(Job.backup("b", "test-fd", "nofs", Samples.STORAGE, "Default", "Standard"));
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class, () -> applier.applyDirector(c, dir.resolve("d.conf")));
    assertTrue(e.getMessage().contains("Job \"b\" names FileSet \"nofs\""), e.getMessage());
    assertFalse(Files.exists(dir.resolve("d.conf")));
  }

  @Test
  void fileAndStorageDaemonsRestartOnlyWhenTheirFileChanged() {
    RecordingServiceControl record = new RecordingServiceControl(null);
    List<Daemon> restarts = record.restarted();
    Path fd = dir.resolve("bacula-fd.conf");
    Path sd = dir.resolve("bacula-sd.conf");
    assertEquals(ApplyResult.REPLACED, applier.applyFileDaemon(s.fileDaemonConfig(), fd, record));
    assertEquals(ApplyResult.UNCHANGED, applier.applyFileDaemon(s.fileDaemonConfig(), fd, record));
    assertEquals(
        ApplyResult.REPLACED, applier.applyStorageDaemon(s.storageDaemonConfig(), sd, record));
    assertEquals(
        ApplyResult.UNCHANGED, applier.applyStorageDaemon(s.storageDaemonConfig(), sd, record));
    assertEquals(List.of(Daemon.FILE, Daemon.STORAGE), restarts);
  }

  @Test
  void directorReloadIsVerifiedAgainstWhatTheDirectorLists() {
    Path live = dir.resolve("bacula-dir.conf");
    DirectorConfig c = s.directorConfig(List.of("/srv"));
    DirectorControl stale =
        new DirectorControl() {
          @Override
          public void reload() {}

          @Override
          public List<String> jobNames() {
            return List.of("test-fd-backup");
          }

          @Override
          public List<String> clientNames() {
            return List.of("test-fd");
          }

          @Override
          public List<String> messagesNames() {
            return c.messages().stream().map(m -> m.name()).toList();
          }
        };
    ReloadFailedException e =
        assertThrows(ReloadFailedException.class, () -> applier.applyDirector(c, live, stale));
    assertEquals(List.of("test-fd-restore"), e.missing());
  }

  @Test
  void anIgnoredReloadIsCaughtByTheGenerationMarkEvenWhenJobsAndClientsAreTheSame() {
    Path live = dir.resolve("bacula-dir.conf");
    DirectorConfig before = Generation.marked(s.directorConfig(List.of("/srv")));
    DirectorConfig after = Generation.marked(s.directorConfig(List.of("/srv", "/etc")));
    assertNotEquals(Generation.of(before), Generation.of(after), "a changed file has a new mark");
    assertEquals(
        Generation.of(after), Generation.of(Generation.marked(after)), "marking is idempotent");
    DirectorControl ignoring =
        new DirectorControl() {
          @Override
          public void reload() {}

          @Override
          public List<String> jobNames() {
            return after.jobs().stream().map(j -> j.name()).toList();
          }

          @Override
          public List<String> clientNames() {
            return after.clients().stream().map(c -> c.name()).toList();
          }

          @Override
          public List<String> messagesNames() {
            return before.messages().stream().map(m -> m.name()).toList();
          }
        };
    ReloadFailedException e =
        assertThrows(
            ReloadFailedException.class, () -> applier.applyDirector(after, live, ignoring));
    assertEquals(
        List.of(Generation.of(after)), e.missing(), "the Director still runs the old file");
  }

  @Test
  void sqliteCatalogIsCreatedOnceFromTheDebianSchema() throws Exception {
    Path db = CatalogSetup.createSqlite(dir.resolve("cat"), "bacula");
    assertTrue(Files.size(db) > 10_000);
    long modified = Files.getLastModifiedTime(db).toMillis();
    assertEquals(db, CatalogSetup.createSqlite(dir.resolve("cat"), "bacula"));
    assertEquals(modified, Files.getLastModifiedTime(db).toMillis());
  }
}
