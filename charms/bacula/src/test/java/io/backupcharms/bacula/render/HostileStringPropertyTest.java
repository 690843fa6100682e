package io.backupcharms.bacula.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupcharms.bacula.BaculaTools;
import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.config.Console;
import io.backupcharms.bacula.config.Device;
import io.backupcharms.bacula.config.DirectorAccess;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.FileSet;
import io.backupcharms.bacula.config.InvalidConfigException;
import io.backupcharms.bacula.config.Job;
import io.backupcharms.bacula.config.RunScript;
import io.backupcharms.bacula.config.StorageDaemonConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile strings in every free-text field must reach the Director as exactly that text, and never
 * as a new directive or resource: checked with {@code bacula-dir -t} and with what {@code bdirjson}
 * says the Director parsed.
 */
class HostileStringPropertyTest {
  private static Path dir;

  @BeforeContainer
  static void catalog() throws IOException {
    dir = Files.createTempDirectory("hostile");
    CatalogSetup.createSqlite(Files.createDirectories(dir.resolve("work")), "bacula");
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Provide
  Arbitrary<List<String>> hostile() {
    Arbitrary<String> known =
        Arbitraries.of(
            "/x\" } Job { Name = \"evil",
            "@/etc/shadow",
            "\\",
            "\\\"",
            "\"",
            "} {",
            "# not a comment",
            "; Job { Name = x }",
            "${HOME}",
            "%c %n",
            "é中文 ünïcødé 😀",
            "\\\\server\\share",
            "a\\",
            "=\"=\"",
            "|/bin/sh",
            "</etc/passwd");
    Arbitrary<String> generated =
        Arbitraries.strings()
            .withChars("\"\\{}@#;=$% aZ/éß中Q")
            .ofMinLength(0)
            .ofMaxLength(40)
            .map(s -> s.replace("Q", "😀"));
    return Arbitraries.oneOf(known, generated).list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 40)
  void hostileStringsStayLiteral(@ForAll("hostile") List<String> values) throws IOException {
    Samples s = new Samples(dir, "127.0.0.1", 9101, 9102, 9103);
    DirectorConfig config = s.directorConfig(List.of("/srv/data"));
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      config =
          config
              .withFileSet(FileSet.of("fs-" + i, List.of("/" + v), List.of("/ex/" + v)))
              .withClient(
                  Samples.client("c-" + i, "127.0.0.1", 9102).withMaximumConcurrentJobs(1 + i))
              .withJob(
                  Job.restore(
                          "j-" + i,
                          "c-" + i,
                          "fs-" + i,
                          Samples.STORAGE,
                          "Default",
                          "Standard",
                          where(v))
                      .withRunScript(RunScript.before("cmd " + v, true)))
              .withConsole(
                  Console.of("con-" + i, "p" + v).withAcl(Console.Acl.WHERE, List.of("w" + v)));
    }
    config = config.withDirector(config.director().withPassword("p" + values.get(0)));
    Path file =
        Files.writeString(
            dir.resolve("bacula-dir.conf"), BaculaRenderer.render(config), StandardCharsets.UTF_8);

    BaculaTools.assertAccepted("/usr/sbin/bacula-dir", file);
    List<JsonNode> parsed = BaculaTools.bdirjson(file);
    assertEquals(names(config.jobs().stream().map(Job::name).toList()), names(parsed, "Job"));
    assertEquals(
        names(config.fileSets().stream().map(FileSet::name).toList()), names(parsed, "Fileset"));
    assertEquals(
        names(config.consoles().stream().map(Console::name).toList()), names(parsed, "Console"));
    assertEquals(1, BaculaTools.resources(parsed, "Director").size());
    assertEquals(
        "p" + values.get(0),
        BaculaTools.resources(parsed, "Director").get(0).get("Password").asText());
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      JsonNode fs = byName(parsed, "Fileset", "fs-" + i);
      assertEquals(List.of("/" + v), texts(fs.get("Include").get(0).get("File")));
      assertEquals(List.of("/ex/" + v), texts(fs.get("Exclude").get("File")));
      JsonNode job = byName(parsed, "Job", "j-" + i);
      assertEquals(where(v), job.get("Where").asText());
      assertEquals("cmd " + v, job.get("Runscript").get(0).get("Command").asText());
      JsonNode con = byName(parsed, "Console", "con-" + i);
      assertEquals("p" + v, con.get("Password").asText());
      assertEquals(List.of("w" + v), texts(con.get("WhereAcl")));
    }
  }

  @Property(tries = 15)
  void hostileStringsStayLiteralInFileAndStorageDaemonFiles(@ForAll("hostile") List<String> values)
      throws IOException {
    Samples s = new Samples(dir, "127.0.0.1", 9101, 9102, 9103);
    List<DirectorAccess> directors = new ArrayList<>();
    List<Device> devices = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      directors.add(DirectorAccess.of("dir-" + i, "p" + values.get(i)));
      devices.add(Device.file("dev-" + i, "File", "/vol/" + values.get(i)));
    }
    FileDaemonConfig fd =
        new FileDaemonConfig(
            s.fileDaemonConfig().fileDaemon(), directors, s.fileDaemonConfig().messages());
    StorageDaemonConfig sd =
        new StorageDaemonConfig(
            s.storageDaemonConfig().storage(),
            directors,
            devices,
            s.storageDaemonConfig().messages());
    Path fdFile =
        Files.writeString(
            dir.resolve("bacula-fd.conf"), BaculaRenderer.render(fd), StandardCharsets.UTF_8);
    Path sdFile =
        Files.writeString(
            dir.resolve("bacula-sd.conf"), BaculaRenderer.render(sd), StandardCharsets.UTF_8);
    BaculaTools.assertAccepted("/usr/sbin/bacula-fd", fdFile);
    BaculaTools.assertAccepted("/usr/sbin/bacula-sd", sdFile);
    List<JsonNode> fdParsed = BaculaTools.json("bfdjson", fdFile);
    List<JsonNode> sdParsed = BaculaTools.json("bsdjson", sdFile);
    assertEquals(values.size(), BaculaTools.resources(fdParsed, "Director").size());
    assertEquals(values.size(), BaculaTools.resources(sdParsed, "Device").size());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(
          "p" + values.get(i), byName(fdParsed, "Director", "dir-" + i).get("Password").asText());
      assertEquals(
          "p" + values.get(i), byName(sdParsed, "Director", "dir-" + i).get("Password").asText());
      assertEquals(
          "/vol/" + values.get(i),
          byName(sdParsed, "Device", "dev-" + i).get("ArchiveDevice").asText());
    }
  }

  /**
   * Where is read through Bacula's shell expansion: the model refuses shell characters there
   * (checked here on every value), so those values are replaced by a safe path.
   */
  private static String where(String v) {
    String w = "/r/" + v;
    if (w.chars().anyMatch(c -> "~\\$[]*?`'<>\"".indexOf(c) >= 0)) {
      InvalidConfigException e =
          assertThrows(
              InvalidConfigException.class, () -> Job.restore("j", "c", "f", "s", "p", "m", w));
      assertTrue(e.getMessage().contains("Where"), e.getMessage());
      return "/r/safe";
    }
    return w;
  }

  private static TreeSet<String> names(List<String> names) {
    return new TreeSet<>(names);
  }

  private static TreeSet<String> names(List<JsonNode> parsed, String kind) {
    TreeSet<String> out = new TreeSet<>();
    BaculaTools.resources(parsed, kind).forEach(n -> out.add(n.get("Name").asText()));
    return out;
  }

  private static JsonNode byName(List<JsonNode> parsed, String kind, String name) {
    return BaculaTools.resources(parsed, kind).stream()
        .filter(n -> n.get("Name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + name + " not parsed"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
