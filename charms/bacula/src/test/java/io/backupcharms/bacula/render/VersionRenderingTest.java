package io.backupcharms.bacula.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaTools;
import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.Console;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.InvalidConfigException;
import io.backupcharms.bacula.config.MessageDestination;
import io.backupcharms.bacula.config.Messages;
import io.backupcharms.bacula.host.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the renderer writes differently for Bacula 9.6.7 (checked here by the real daemons) and
 * 13.0.3 (checked against its source: docs/reference/bacula-versions.md).
 */
class VersionRenderingTest {
  private final Samples fixed = new Samples(Path.of("/srv/t"), "127.0.0.1", 9101, 9102, 9103);

  /** Audit messages without the new event records, and a console allowed one oddly named job. */
  private DirectorConfig withVersionedParts(Samples s) {
    return s.directorConfig(List.of("/srv/data"))
        .withMessages(
            new Messages(
                "Audit",
                List.of(
                    new MessageDestination(
                        MessageDestination.Kind.APPEND,
                        s.dir().resolve("log/audit.log").toString(),
                        List.of("all", "!events", "!skipped")))))
        .withConsole(
            Console.of("viewer", "viewer-pw")
                .withAcl(Console.Acl.JOB, List.of("nightly*", "*all*"))
                .withAcl(Console.Acl.WHERE, List.of("/srv/restores/[a]")));
  }

  @Test
  void nineSixSevenGetsNoEventsTypeAndPlainAclNames() {
    String text = BaculaRenderer.render(withVersionedParts(fixed), BaculaVersion.V9_6_7);
    assertTrue(
        text.contains(
            """
            Messages {
              Name = "Audit"
              append = "/srv/t/log/audit.log" = all, !skipped
            }
            """),
        text);
    assertTrue(
        text.contains(
            """
            Console {
              Name = "viewer"
              Password = "viewer-pw"
              JobACL = "nightly*"
              JobACL = "*all*"
              WhereACL = "/srv/restores/[a]"
            }
            """),
        text);
  }

  @Test
  void thirteenGetsTheEventsTypeAndAclEntriesThatMatchOnlyThemselves() {
    String text = BaculaRenderer.render(withVersionedParts(fixed), BaculaVersion.V13_0_3);
    assertTrue(
        text.contains(
            """
            Messages {
              Name = "Audit"
              append = "/srv/t/log/audit.log" = all, !events, !skipped
            }
            """),
        text);
    // fnmatch reads \\* as a literal star; the lexer turns the written \\\\ into one backslash.
    assertTrue(
        text.contains(
            """
            Console {
              Name = "viewer"
              Password = "viewer-pw"
              JobACL = "nightly\\\\*"
              JobACL = "*all*"
              WhereACL = "/srv/restores/\\\\[a]"
            }
            """),
        text);
  }

  @Test
  void everythingElseIsTheSameForBothVersions() {
    DirectorConfig plain = fixed.directorConfig(List.of("/srv/data"));
    assertEquals(
        BaculaRenderer.render(plain, BaculaVersion.V9_6_7),
        BaculaRenderer.render(plain, BaculaVersion.V13_0_3));
    assertEquals(
        BaculaRenderer.render(fixed.fileDaemonConfig(), BaculaVersion.V9_6_7),
        BaculaRenderer.render(fixed.fileDaemonConfig(), BaculaVersion.V13_0_3));
    assertEquals(
        BaculaRenderer.render(fixed.storageDaemonConfig(), BaculaVersion.V9_6_7),
        BaculaRenderer.render(fixed.storageDaemonConfig(), BaculaVersion.V13_0_3));
  }

  @Test
  void askingNineSixForEventsNamesTheResourceAndTheVersion() {
    DirectorConfig config =
        fixed
            .directorConfig(List.of("/srv/data"))
            .withMessages(
                new Messages(
                    "Events",
                    List.of(
                        new MessageDestination(
                            MessageDestination.Kind.APPEND,
                            "/srv/t/log/events.log",
                            List.of("events")))));
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () -> BaculaRenderer.render(config, BaculaVersion.V9_6_7));
    assertEquals(
        List.of(
            "Messages \"Events\": append asks for message type events, which Bacula 9.6.7"
                + " does not have (it came with 11.0); leave it out",
            "Messages \"Events\": append has no message type Bacula 9.6.7 knows"),
        e.problems());
    assertTrue(BaculaRenderer.render(config, BaculaVersion.V13_0_3).contains("= events\n"));
  }

  @Test
  void theRealNineSixSevenDirectorAcceptsWhatIsRenderedForIt(@TempDir Path dir) throws IOException {
    Samples s = new Samples(dir, "127.0.0.1", 9101, 9102, 9103);
    Files.createDirectories(dir.resolve("work"));
    CatalogSetup.createSqlite(dir.resolve("work"), "bacula");
    Path file =
        Files.writeString(
            dir.resolve("bacula-dir.conf"),
            BaculaRenderer.render(withVersionedParts(s), BaculaVersion.V9_6_7));
    BaculaTools.assertAccepted("/usr/sbin/bacula-dir", file);
    // Rendered for 13.0, the same model names a message type 9.6.7 does not have.
    Path newer =
        Files.writeString(
            dir.resolve("bacula-dir-13.conf"),
            BaculaRenderer.render(withVersionedParts(s), BaculaVersion.V13_0_3));
    CommandResult r =
        BaculaTools.run(List.of("/usr/sbin/bacula-dir", "-t", "-c", newer.toString()));
    assertEquals(1, r.exitCode(), r.output());
    assertTrue(r.output().contains("message type: events not found"), r.output());
  }
}
