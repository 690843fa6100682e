package io.backupcharms.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

  @Test
  void readsBaculaDurationsAndSizes() {
    ServerSettings s =
        ServerSettings.fromConfig(
            Map.of(
                "file-retention",
                "60 days",
                "job-retention",
                "6 months",
                "volume-retention",
                "1 year 2 weeks",
                "max-volume-bytes",
                "500M",
                "max-concurrent-jobs",
                4L));
    assertEquals(Duration.ofDays(60), s.fileRetention());
    assertEquals(Duration.ofDays(180), s.jobRetention());
    assertEquals(Duration.ofDays(365 + 14), s.volumeRetention());
    assertEquals(500L << 20, s.maxVolumeBytes());
    assertEquals(4, s.maxConcurrentJobs());
  }

  @Test
  void theDefaultsAreOneYear() {
    assertEquals(ServerSettings.DEFAULTS, ServerSettings.fromConfig(Map.of()));
    assertEquals(
        ServerSettings.DEFAULTS,
        ServerSettings.fromConfig(
            Map.of(
                "file-retention",
                "1 year",
                "job-retention",
                "1 year",
                "volume-retention",
                "1 year")));
  }

  @Test
  void everyBadOptionIsNamedWithAnExample() {
    var e =
        assertThrows(
            InvalidSettingException.class,
            () ->
                ServerSettings.fromConfig(
                    Map.of(
                        "file-retention",
                        "forever",
                        "max-volume-bytes",
                        "big",
                        "max-concurrent-jobs",
                        0L,
                        "min-free-space",
                        "plenty",
                        "max-volumes",
                        -1L,
                        "volume-wait",
                        "soon")));
    assertTrue(
        e.getMessage()
            .contains("config file-retention \"forever\" is not a duration; use e.g. \"60 days\""),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("config max-volume-bytes \"big\" is not a size"), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("config max-concurrent-jobs 0 must be a whole number from 1 to 100"));
    assertTrue(
        e.getMessage().contains("config min-free-space \"plenty\" is not a size"), e.getMessage());
    assertTrue(
        e.getMessage().contains("config max-volumes -1 must be a whole number from 0 to 100000"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("config volume-wait \"soon\" is not a duration"), e.getMessage());
  }

  @Test
  void jobRetentionShorterThanFileRetentionIsRefused() {
    var e =
        assertThrows(
            InvalidSettingException.class,
            () ->
                ServerSettings.fromConfig(
                    Map.of("file-retention", "1 year", "job-retention", "30 days")));
    assertTrue(
        e.getMessage().startsWith("config job-retention must not be shorter than file-retention"));
  }
}
