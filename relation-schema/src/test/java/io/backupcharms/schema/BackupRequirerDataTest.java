package io.backupcharms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupRequirerDataTest {

  @Test
  void relativePathNamesTheKeyAndTheFix() {
    DatabagResult<BackupRequirerData> result =
        BackupRequirerData.fromDatabag(Map.of("fileset", "/etc,var/lib"));
    assertEquals(
        List.of(
            new FieldError(
                "fileset",
                "fileset path \"var/lib\" is relative; use an "
                    + "absolute path such as /var/lib/myapp")),
        result.errors());
  }

  @Test
  void spacesAroundPathsAndEmptyElementsAreReadAsCanonicalsServerReadsThem() {
    BackupRequirerData data =
        BackupRequirerData.fromDatabag(Map.of("fileset", " /etc, /srv/my files ,,")).orElseThrow();
    assertEquals(List.of("/etc", "/srv/my files"), data.fileset());
    assertEquals("/etc,/srv/my files", data.toDatabag().get("fileset"));
  }

  @Test
  void aFilesetOfOnlyCommasAndSpacesSaysToSetAPath() {
    assertEquals(
        "fileset has no path; set at least one absolute path, such as /var/lib/myapp",
        BackupRequirerData.fromDatabag(Map.of("fileset", " , ")).describeErrors());
  }

  @Test
  void aTrailingNewlineIsNeverStrippedAway() {
    assertEquals(
        List.of("fileset"),
        BackupRequirerData.fromDatabag(Map.of("fileset", "/etc,/srv\n")).errorKeys());
  }

  @Test
  void everyErrorIsReportedAtOnce() {
    DatabagResult<BackupRequirerData> result =
        BackupRequirerData.fromDatabag(
            Map.of(
                "fileset",
                "relative, /x",
                "run-before-backup",
                "dump.sh",
                "run-after-restore",
                "/a,b"));
    assertEquals(List.of("fileset", "run-before-backup", "run-after-restore"), result.errorKeys());
    assertEquals(3, result.errors().size(), result.describeErrors());
  }

  @Test
  void controlCharactersAreShownEscapedNeverRaw() {
    DatabagResult<BackupRequirerData> result =
        BackupRequirerData.fromDatabag(Map.of("fileset", "/etc\n}\nJob {"));
    assertEquals(
        "fileset path \"/etc\\n}\\nJob {\" contains a control character (\\n at index 4); "
            + "paths must not contain newlines, tabs, NUL or other control characters",
        result.describeErrors());
  }

  @Test
  void longHostileValuesAreCutInMessages() {
    String path = "x".repeat(100_000);
    String message = BackupRequirerData.fromDatabag(Map.of("fileset", path)).describeErrors();
    assertEquals(true, message.length() < 300, message);
  }

  @Test
  void unsetScriptsAreAbsentFromTheDatabag() {
    BackupRequirerData data =
        new BackupRequirerData(
            List.of("/var/lib/myapp", "/etc/myapp"),
            Optional.of("/var/lib/backup-integrator/bi/run-before-backup"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertEquals(
        Map.of(
            "fileset",
            "/var/lib/myapp,/etc/myapp",
            "run-before-backup",
            "/var/lib/backup-integrator/bi/run-before-backup"),
        data.toDatabag());
  }

  @Test
  void constructorRejectsWhatTheDatabagWouldReject() {
    InvalidDatabagException e =
        assertThrows(InvalidDatabagException.class, () -> BackupRequirerData.ofFileset(List.of()));
    assertEquals(
        "fileset has no path; set at least one absolute path, such as /var/lib/myapp",
        e.getMessage());
    assertThrows(
        InvalidDatabagException.class, () -> BackupRequirerData.ofFileset(List.of("/a,b")));
  }
}
