package io.backupcharms.fd.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CharmConfigTest {
  @Test
  void defaultsAreTheReferencePortAndManualBackups() {
    CharmConfig config = CharmConfig.from(Map.of("port", 9102, "schedule", ""));
    assertEquals(9102, config.port());
    assertEquals(List.of(), config.scheduleRuns());
  }

  @Test
  void scheduleRunsAreTrimmedAndJoinedAsTheInterfaceCarriesThem() {
    CharmConfig config =
        CharmConfig.from(
            Map.of(
                "port",
                9200,
                "schedule",
                " Level=Full sun at 01:00,,Level=Incremental   mon-sat at 01:00 ,"));
    assertEquals(
        List.of("Level=Full sun at 01:00", "Level=Incremental mon-sat at 01:00"),
        config.scheduleRuns());
    assertEquals(
        "Level=Full sun at 01:00, Level=Incremental mon-sat at 01:00", config.joinedSchedule());
  }

  @Test
  void everyBadOptionIsReportedAtOnce() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () ->
                CharmConfig.from(
                    Map.of("port", 70000, "schedule", "daily at 01:00\"; Job { Name = x }")));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).startsWith("port 70000 is out of range"), e.getMessage());
    assertTrue(
        e.problems().get(1).contains("\\u0022"), "the quote is shown escaped: " + e.getMessage());
  }
}
