package io.backupcharms.bacula.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.BaculaTools;
import io.backupcharms.bacula.Samples;
import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.render.BaculaRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunSpecTest {
  private static final List<String> GOOD =
      List.of(
          "Level=Full sun at 23:05",
          "Incremental mon-sat at 23:05",
          "Full 1st sun at 1:00",
          "daily at 03:30",
          "Level=Differential Pool=Weekly 2nd fri at 11:59pm",
          "hourly at 0:15",
          "monthly on 15 at 2:00",
          "jan-jun 1-15 at 4:00",
          "w01-w26 mon at 5:00",
          "Level=Full on lastday at 22:00");

  @Test
  void everyAcceptedSpecIsAcceptedByTheDirector(@TempDir Path dir) throws Exception {
    Samples s = new Samples(dir, "127.0.0.1", 9101, 9102, 9103);
    CatalogSetup.createSqlite(Files.createDirectories(dir.resolve("work")), "bacula");
    DirectorConfig c =
        s.directorConfig(List.of("/srv"))
            .withSchedule(Schedule.parse("all", GOOD))
            .withPool(Pool.of("Weekly", "Weekly-", Duration.ofDays(30)));
    Path f = Files.writeString(dir.resolve("d.conf"), BaculaRenderer.render(c));
    BaculaTools.assertAccepted("/usr/sbin/bacula-dir", f);
    var runs =
        BaculaTools.resources(BaculaTools.bdirjson(f), "Schedule").stream()
            .filter(n -> n.get("Name").asText().equals("all"))
            .findFirst()
            .orElseThrow()
            .get("Run");
    assertEquals(GOOD.size(), runs.size());
    assertEquals("Weekly", runs.get(4).get("Pool").asText());
  }

  @Test
  void parseKeepsLevelAndPoolApart() {
    RunSpec r = RunSpec.parse("Incremental Pool=Daily mon-fri at 2:00");
    assertEquals(Level.INCREMENTAL, r.level());
    assertEquals("Daily", r.pool());
    assertEquals("mon-fri at 2:00", r.when());
    assertEquals("Level=Incremental Pool=Daily mon-fri at 2:00", r.toBacula());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sun at 25:00",
        "sun at 23:61",
        "someday at 1:00",
        "sun at",
        "sun at 1:00 at 2:00",
        "sun at 1:00\nJob",
        "sun at 1:00 }",
        "mon-xyz at 1:00",
        "32 at 1:00",
        "w54 at 1:00",
        "last fri at 1:00",
        "",
        "Pool=a\"b sun"
      })
  void badSpecsAreRejectedBeforeTheDirectorSeesThem(String spec) {
    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> Schedule.parse("nightly", List.of(spec)));
    assertTrue(e.getMessage().startsWith("Schedule \"nightly\": "), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void errorNamesTheWord() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () -> Schedule.parse("nightly", List.of("Full sundy at 23:05")));
    assertEquals(
        "Schedule \"nightly\": Schedule Run \"sundy at 23:05\": \"sundy\" is not a Bacula schedule"
            + " word. Examples: \"sun at 23:05\", \"mon-fri at 2:00\", \"1st sun at 1:00\", \"daily"
            + " at 03:30\"",
        e.getMessage());
  }
}
