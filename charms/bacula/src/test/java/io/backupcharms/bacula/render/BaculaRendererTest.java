package io.backupcharms.bacula.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaTools;
import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.config.Client;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.InvalidConfigException;
import io.backupcharms.bacula.config.Job;
import io.backupcharms.bacula.config.RunScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaculaRendererTest {
  private final Samples fixed = new Samples(Path.of("/srv/t"), "127.0.0.1", 9101, 9102, 9103);

  @Test
  void directorFileIsExactlyTheGoldenText() throws IOException {
    assertEquals(
        golden("director.conf"), BaculaRenderer.render(fixed.directorConfig(List.of("/srv/data"))));
  }

  @Test
  void fileDaemonFileIsExactlyTheGoldenText() throws IOException {
    assertEquals(golden("fd.conf"), BaculaRenderer.render(fixed.fileDaemonConfig()));
  }

  @Test
  void storageDaemonFileIsExactlyTheGoldenText() throws IOException {
    assertEquals(golden("sd.conf"), BaculaRenderer.render(fixed.storageDaemonConfig()));
  }

  @Test
  void daemonsAcceptTheRenderedFiles(@TempDir Path dir) throws IOException {
    Samples s = new Samples(dir, "127.0.0.1", 9101, 9102, 9103);
    Files.createDirectories(dir.resolve("work"));
    CatalogSetup.createSqlite(dir.resolve("work"), "bacula");
    DirectorConfig config =
        s.directorConfig(List.of("/srv/data", "/etc"))
            .withJob(
                Samples.scriptedJob(
                    "scripted",
                    Samples.CLIENT,
                    Samples.CLIENT + "-fileset",
                    "/usr/local/bin/dump --to \"/var/backups\"",
                    "/bin/true"));
    Path d = write(dir.resolve("bacula-dir.conf"), BaculaRenderer.render(config));
    Path f = write(dir.resolve("bacula-fd.conf"), BaculaRenderer.render(s.fileDaemonConfig()));
    Path sd = write(dir.resolve("bacula-sd.conf"), BaculaRenderer.render(s.storageDaemonConfig()));
    BaculaTools.assertAccepted("/usr/sbin/bacula-dir", d);
    BaculaTools.assertAccepted("/usr/sbin/bacula-fd", f);
    BaculaTools.assertAccepted("/usr/sbin/bacula-sd", sd);
    var scripts =
        BaculaTools.resources(BaculaTools.bdirjson(d), "Job").stream()
            .filter(j -> j.get("Name").asText().equals("scripted"))
            .findFirst()
            .orElseThrow()
            .get("Runscript");
    assertEquals(
        "/usr/local/bin/dump --to \"/var/backups\"", scripts.get(0).get("Command").asText());
    assertEquals("After", scripts.get(1).get("RunsWhen").asText());
    assertTrue(scripts.get(1).get("RunsOnFailure").asBoolean());
  }

  @Test
  void sameModelInAnyOrderGivesTheSameBytes() {
    DirectorConfig a = fixed.directorConfig(List.of("/srv/data"));
    for (int i = 0; i < 5; i++) {
      a = a.withClient(Samples.client("c" + i, "10.0.0." + i, 9102));
    }
    List<Client> shuffled = new ArrayList<>(a.clients());
    Collections.shuffle(shuffled, new Random(7));
    DirectorConfig b =
        new DirectorConfig(
            a.director(),
            a.catalogs(),
            a.messages(),
            a.storages(),
            a.pools(),
            shuffled,
            a.fileSets(),
            a.schedules(),
            a.jobDefs(),
            a.jobs(),
            a.consoles());
    assertEquals(BaculaRenderer.render(a), BaculaRenderer.render(b));
  }

  @Test
  void controlCharactersAreRejectedNamingEveryResourceAndField() {
    DirectorConfig bad =
        fixed
            .directorConfig(List.of("/srv/data\nFile = /etc/shadow"))
            .withJob(
                Job.backup(
                        "j2",
                        Samples.CLIENT,
                        Samples.CLIENT + "-fileset",
                        Samples.STORAGE,
                        "Default",
                        "Standard")
                    .withRunScript(RunScript.before("/bin/echo a\u0000b", true)));
    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> BaculaRenderer.render(bad));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(
        e.problems()
            .get(0)
            .startsWith("FileSet \"test-fd-fileset\": File contains the control character U+000A"),
        e.problems().get(0));
    assertTrue(
        e.problems().get(1).startsWith("Job \"j2\": Command contains the control character U+0000"),
        e.problems().get(1));
  }

  @Test
  void aStringOverBaculasTokenLimitIsRejectedNamingTheResourceAndField() {
    // bacula-dir 9.6.7 reads a 4999-byte string, crashes on 5000 bytes and refuses longer ones.
    String fits = "/" + "a".repeat(4998);
    assertTrue(BaculaRenderer.render(fixed.directorConfig(List.of(fits))).contains(fits));
    String over = "/" + "a".repeat(4997) + "\u00e9";
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () -> BaculaRenderer.render(fixed.directorConfig(List.of(over))));
    assertTrue(
        e.problems()
            .get(0)
            .startsWith(
                "FileSet \"test-fd-fileset\": File is 5000 bytes long;"
                    + " Bacula reads at most 4999 bytes in one string"),
        e.problems().get(0));
  }

  private static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = BaculaRendererTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
