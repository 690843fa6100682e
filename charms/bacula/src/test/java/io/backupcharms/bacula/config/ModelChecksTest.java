package io.backupcharms.bacula.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.Samples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelChecksTest {
  private final Samples s = new Samples(Path.of("/srv/t"), "127.0.0.1", 9101, 9102, 9103);

  @Test
  void shellCharactersInDirectoriesAreRefusedBecauseBaculaRunsAShellOnThem() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () -> Job.restore("r", "c", "f", "s", "p", "m", "/r/$(touch /tmp/pwned)"));
    assertEquals(
        "Job \"r\": Where \"/r/$(touch /tmp/pwned)\" contains '$', which Bacula passes to /bin/sh"
            + " when it reads this directive; use a path without any of ~\\$[]*?`'<>\"",
        e.getMessage());
    assertThrows(
        InvalidConfigException.class, () -> s.director().withWorkingDirectory("/var/`id`"));
    assertThrows(
        InvalidConfigException.class,
        () -> FileDaemon.of("fd", "127.0.0.1", 9102).withDirectories("/var/lib/bacula", "~/run"));
  }

  @Test
  void fileSetPathsMustBeAbsoluteSoTheyCannotRunProgramsOrReadLists() {
    for (String p :
        List.of("var/lib", "|/bin/sh -c id", "</etc/list", "\\</etc/list", "@/etc/shadow")) {
      InvalidConfigException e =
          assertThrows(InvalidConfigException.class, () -> FileSet.of("fs", List.of(p), List.of()));
      assertTrue(e.getMessage().startsWith("FileSet \"fs\": include path"), e.getMessage());
      assertTrue(e.getMessage().contains("use one starting with '/'"), e.getMessage());
    }
  }

  @Test
  void scriptPathsBaculaWouldSplitOrExpandAreNamedAsSuch() {
    assertTrue(
        RunScript.problemWithScriptPath("/var/lib/backup-integrator/app/run-before-backup")
            .isEmpty());
    for (String p :
        List.of("/srv/my scripts/before", "/srv/a%d", "/srv/\"q\"", "relative/x", "/srv/'x'", "")) {
      assertEquals(
          Optional.of(
              "cannot be run by Bacula as one command: use an absolute path of"
                  + " letters, digits and _.+@=/- only (no spaces, quotes or %)"),
          RunScript.problemWithScriptPath(p),
          p);
    }
  }

  @Test
  void namesFollowBaculasRules() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class, () -> Samples.client("evil\" }", "127.0.0.1", 9102));
    assertTrue(
        e.getMessage().startsWith("Client: Name \"evil\" }\" is not a valid Bacula name"),
        e.getMessage());
    assertThrows(InvalidConfigException.class, () -> Samples.client("ok", "127.0.0.1 }", 9102));
    assertThrows(InvalidConfigException.class, () -> Samples.client("ok", "127.0.0.1", 0));
  }

  @Test
  void heartbeatIntervalZeroIsRefused() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () ->
                new FileDaemon(
                    "fd",
                    "127.0.0.1",
                    9102,
                    "/var/lib/bacula",
                    "/run/bacula",
                    20,
                    Duration.ZERO,
                    null,
                    null));
    assertTrue(e.getMessage().contains("Heartbeat Interval"), e.getMessage());
  }

  @Test
  void duplicateNamesAreRefused() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () ->
                new DirectorConfig(
                    s.director(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(Samples.client("a", "h", 1), Samples.client("a", "h", 2)),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of()));
    assertEquals("Client \"a\" is defined twice; names must be unique", e.getMessage());
  }

  @Test
  void danglingReferencesNameBothResources() {
    DirectorConfig c =
        s.directorConfig(List.of("/a"))
            .withJob(
                Job.backup("lost", "nobody-fd", "nofs", Samples.STORAGE, "Default", "Standard"));
    assertEquals(
        List.of(
            "Job \"lost\" names Client \"nobody-fd\", which is not defined; define it or remove the"
                + " reference",
            "Job \"lost\" names FileSet \"nofs\", which is not defined; define it or remove the"
                + " reference"),
        c.danglingReferences());
    assertEquals(List.of(), s.directorConfig(List.of("/a")).danglingReferences());
  }

  @Test
  void noMailDestinationExists() {
    for (MessageDestination.Kind k : MessageDestination.Kind.values()) {
      assertTrue(
          !k.baculaName().contains("mail") && !k.baculaName().contains("operator"), k.name());
    }
  }
}
