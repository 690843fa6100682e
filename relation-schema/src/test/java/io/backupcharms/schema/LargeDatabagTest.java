package io.backupcharms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Values near the documented limits. A fileset of a few thousand paths is valid by the interface,
 * and a hostile unit may send more: either way the answer must be a verdict, never a crash of the
 * charm that reads the bag (a regex that recursed once per path overflowed the stack near 1,000).
 */
class LargeDatabagTest {

  private static String paths(int n) {
    return IntStream.range(0, n).mapToObj(i -> "/srv/many/p" + i).collect(Collectors.joining(","));
  }

  @Test
  void fourThousandPathsWithinTheLimitAreAValidFileset() {
    String fileset = paths(4000);
    assertTrue(fileset.length() < 65536, "test data must stay within the limit");
    var result = BackupRequirerData.fromDatabag(Map.of("fileset", fileset));
    assertTrue(result.errors().isEmpty(), result.describeErrors());
    assertEquals(4000, result.orElseThrow().fileset().size());
    assertEquals(List.of(), DatabagSchema.BACKUP_REQUIRER_APP.validate(Map.of("fileset", fileset)));
  }

  @Test
  void aFilesetOverTheLimitIsRefusedNamingTheLimit() {
    String fileset = paths(8000);
    var result = BackupRequirerData.fromDatabag(Map.of("fileset", fileset));
    assertEquals(List.of("fileset"), result.errorKeys());
    assertTrue(result.describeErrors().contains("65536"), result.describeErrors());
  }

  @Test
  void aFileDaemonBagWithThousandsOfPathsAndALongScheduleIsRead() {
    String schedule =
        IntStream.range(0, 150)
            .mapToObj(i -> "Level=Full mon at 01:" + String.format("%02d", i % 60))
            .collect(Collectors.joining(", "));
    var bag =
        Map.of(
            "name",
            "relation-m-app-0-abcdef012345-fd",
            "fileset",
            paths(4000),
            "port",
            "9102",
            "client-run-before-backup",
            "/bin/true",
            "client-run-after-backup",
            "/bin/true",
            "client-run-before-restore",
            "/bin/true",
            "client-run-after-restore",
            "/bin/true",
            "schedule",
            schedule);
    assertEquals(List.of(), DatabagSchema.BACULA_DIR_REQUIRER_UNIT.validate(bag));
    var result = FileDaemonUnitData.fromDatabag(bag);
    assertTrue(result.errors().isEmpty(), result.describeErrors());
  }
}
