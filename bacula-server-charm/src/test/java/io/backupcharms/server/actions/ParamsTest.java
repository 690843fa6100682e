package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.config.Replace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void runBackupDefaultsToIncremental() {
    assertEquals(
        new RunBackupParams("myapp/0", "Incremental"),
        RunBackupParams.parse(Map.of("client", "myapp/0")));
  }

  @Test
  void runBackupReportsEveryProblemAtOnce() {
    var e =
        assertThrows(
            InvalidParamsException.class,
            () -> RunBackupParams.parse(Map.of("level", "full", "colour", "red")));
    assertTrue(e.getMessage().contains("client is required"), e.getMessage());
    assertTrue(e.getMessage().contains("level must be one of Full, Incremental, Differential"));
    assertTrue(e.getMessage().contains("unknown parameter(s) colour"));
  }

  @Test
  void restoreReadsIdsAsNumbersOrDigitStrings() {
    RestoreParams r = RestoreParams.parse(Map.of("client", "a/1", "backup-id", 42));
    assertEquals(Optional.of(42L), r.backupId());
    assertEquals("/", r.where());
    assertEquals(Replace.ALWAYS, r.replace());
    assertEquals(
        Optional.of(7L), RestoreParams.parse(Map.of("client", "a/1", "backup-id", "7")).backupId());
  }

  @Test
  void restoreRefusesRelativeOrQuotedDestinations() {
    for (String where : new String[] {"tmp/x", "/tmp/a b", "/tmp/\"x", "/tmp/../etc"}) {
      var e =
          assertThrows(
              InvalidParamsException.class,
              () -> RestoreParams.parse(Map.of("client", "a/1", "where", where)));
      assertTrue(e.getMessage().startsWith("where must be an absolute directory"), e.getMessage());
    }
  }

  @Test
  void listBackupsLimitIsBounded() {
    assertEquals(20, ListBackupsParams.parse(Map.of()).limit());
    var e =
        assertThrows(
            InvalidParamsException.class, () -> ListBackupsParams.parse(Map.of("limit", 0)));
    assertEquals("limit must be a whole number from 1 to 1000; got \"0\"", e.getMessage());
  }

  @Test
  void restorePathsAreAbsoluteCommaSeparatedAndDeduplicated() {
    RestoreParams r =
        RestoreParams.parse(
            Map.of(
                "client",
                "a/1",
                "target",
                "a/2",
                "allow-other-application",
                "true",
                "paths",
                "/srv/data/a, /srv/data/b/my file,/srv/data/a"));
    assertEquals(List.of("/srv/data/a", "/srv/data/b/my file"), r.paths());
    assertEquals(Optional.of("a/2"), r.target());
    assertTrue(r.allowOtherApplication());
    assertEquals(List.of(), RestoreParams.parse(Map.of("client", "a/1")).paths());
  }

  @Test
  void restoreRefusesEachBadPathByName() {
    for (String path :
        new String[] {"srv/x", "/srv/x/", "/srv//x", "/srv/'x", "/srv/x/..", "/", ""}) {
      var e =
          assertThrows(
              InvalidParamsException.class,
              () -> RestoreParams.parse(Map.of("client", "a/1", "paths", "/ok," + path)));
      assertTrue(
          e.getMessage().startsWith("paths: \"" + path + "\" is not an absolute path"),
          e.getMessage());
    }
    var flag =
        assertThrows(
            InvalidParamsException.class,
            () -> RestoreParams.parse(Map.of("client", "a/1", "allow-other-application", "yes")));
    assertEquals("allow-other-application must be true or false; got \"yes\"", flag.getMessage());
  }
}
