package io.backupcharms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OtherDatabagsTest {

  @Test
  void outcomeIsPublishedAsThreeStrings() {
    BackupProviderUnitData data =
        new BackupProviderUnitData(
            Optional.of(
                new BackupOutcome(
                    Instant.parse("2026-11-21T01:00:42.123Z"), BackupStatus.WARNING, 42)));
    assertEquals(
        Map.of(
            "last-backup-time",
            "2026-11-21T01:00:42Z",
            "last-backup-status",
            "warning",
            "last-backup-job-id",
            "42"),
        data.toDatabag());
    assertEquals(Map.of(), new BackupProviderUnitData(Optional.empty()).toDatabag());
  }

  @Test
  void baculaJobStatusCodesMapToOutcomes() {
    assertEquals(Optional.of(BackupStatus.SUCCESS), BackupStatus.fromBaculaJobStatus('T'));
    assertEquals(Optional.of(BackupStatus.FAILED), BackupStatus.fromBaculaJobStatus('f'));
    assertEquals(Optional.empty(), BackupStatus.fromBaculaJobStatus('R'));
  }

  @Test
  void directorPasswordMustBeASecretId() {
    DatabagResult<DirectorAppData> result =
        DirectorAppData.fromDatabag(Map.of("name", "charm-bacula-dir", "password", "hunter2"));
    assertEquals(
        "password \"hunter2\" is not a Juju secret id; publish the id printed by secret-add"
            + " (secret:<20 characters> or secret://<model-uuid>/<20 characters>), never the"
            + " password itself",
        result.describeErrors());
  }

  @Test
  void directorPasswordSecretIdInJuju36LongFormIsAccepted() {
    DatabagResult<DirectorAppData> result =
        DirectorAppData.fromDatabag(
            Map.of(
                "name",
                "charm-bacula-dir",
                "password",
                "secret://3fd50312-2281-422f-89bf-ded22a5bb2d6/cs1kq1bmp25c77d3an8g"));
    assertEquals("", result.describeErrors());
  }

  @Test
  void fileDaemonNameFollowsTheReferenceCharms() {
    assertEquals(
        "relation-prod-myapp-0-5e1f2a3b4c5d-fd",
        FileDaemonUnitData.defaultName("prod", "myapp/0", "7a3c2f1e-1b2c-4d5e-8f90-5e1f2a3b4c5d"));
  }

  @Test
  void fileDaemonBagKeepsTheReferenceEncoding() {
    FileDaemonUnitData data =
        new FileDaemonUnitData(
            "fd",
            List.of("/etc", "/srv"),
            9102,
            Optional.of("/noop"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("Level=Full sun at 01:00, Level=Incremental mon-sat at 01:00"));
    assertEquals(
        Map.of(
            "name",
            "fd",
            "fileset",
            "/etc,/srv",
            "port",
            "9102",
            "client-run-before-backup",
            "/noop",
            "schedule",
            "Level=Full sun at 01:00, Level=Incremental mon-sat at 01:00"),
        data.toDatabag());
    assertEquals(
        List.of("Level=Full sun at 01:00", "Level=Incremental mon-sat at 01:00"),
        data.scheduleRuns());
  }

  @Test
  void aCanonicalFileDaemonsFilesetIsNormalisedAsItIsRead() {
    FileDaemonUnitData data =
        FileDaemonUnitData.fromDatabag(
                Map.of("name", "fd", "fileset", "/etc, /srv,", "port", "9102"))
            .orElseThrow();
    assertEquals(List.of("/etc", "/srv"), data.fileset());
  }

  @Test
  void portOutOfRangeSaysTheRange() {
    InvalidDatabagException e =
        assertThrows(
            InvalidDatabagException.class,
            () ->
                new FileDaemonUnitData(
                    "fd",
                    List.of("/etc"),
                    70000,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
    assertEquals(
        "port 70000 is out of range; use a TCP port from 1 to 65535, such as 9102", e.getMessage());
  }
}
