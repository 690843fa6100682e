package io.backupcharms.server.offsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rclone against a real S3 server: the copies land, and each fault names what to fix. */
class RcloneBucketTest {

  @TempDir static Path root;
  private static S3Proxy s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Proxy.start(root.resolve("s3"), "backups");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void volumesAreCopiedOnceAndAgainWhenTheyGrow(@TempDir Path dir) throws Exception {
    Path volumes = Files.createDirectories(dir.resolve("volumes"));
    Files.writeString(volumes.resolve("Vol-0001"), "first job's blocks");
    VolumeCopies copies = new VolumeCopies(bucket(Map.of("path", "grow")), volumes);

    VolumeCopies.Outcome first = copies.sync();
    assertEquals(List.of("Vol-0001"), first.copied());
    assertEquals(
        "first job's blocks",
        Files.readString(s3.object("backups", "grow/volumes/Vol-0001")),
        "the copy is the volume");

    Files.writeString(volumes.resolve("Vol-0001"), " and the second's", StandardOpenOption.APPEND);
    Files.writeString(volumes.resolve("Vol-0002"), "new volume");
    VolumeCopies.Outcome second = copies.sync();
    assertEquals(List.of("Vol-0001", "Vol-0002"), second.copied(), "the grown and the new");
    assertTrue(copies.sync().copied().isEmpty(), "nothing changed, nothing uploaded");
    assertEquals(VolumeCopies.State.COPIED, copies.states().get("Vol-0001"));
  }

  @Test
  void smallObjectsAndDownloadsRoundTrip(@TempDir Path dir) throws Exception {
    RcloneBucket bucket = bucket(Map.of("path", "objects"));
    assertEquals(Optional.empty(), bucket.read("catalog/LATEST"), "a missing object is empty");
    bucket.write("catalog/LATEST", "20261203T090000Z\n");
    assertEquals(Optional.of("20261203T090000Z\n"), bucket.read("catalog/LATEST"));
    Path file = Files.writeString(dir.resolve("dump.sql"), "CREATE TABLE x;\n");
    bucket.upload(file, "catalog/20261203T090000Z/bacula.sql");
    Path back = dir.resolve("back.sql");
    bucket.download("catalog/20261203T090000Z/bacula.sql", back);
    assertEquals("CREATE TABLE x;\n", Files.readString(back));
    assertEquals(
        Map.of("catalog/20261203T090000Z/bacula.sql", 16L),
        bucket.list("catalog/20261203T090000Z/"));
  }

  @Test
  void wrongCredentialsNameTheKeyAndNeverShowTheSecret() {
    BucketException secret =
        assertThrows(
            BucketException.class,
            () -> bucket(Map.of("secret-key", "not-the-secret-1234")).check());
    assertTrue(secret.getMessage().contains("secret-key"), secret::getMessage);
    assertFalse(secret.getMessage().contains("not-the-secret-1234"), secret::getMessage);

    BucketException access =
        assertThrows(
            BucketException.class, () -> bucket(Map.of("access-key", "nobody-we-know")).check());
    assertTrue(access.getMessage().contains("access-key"), access::getMessage);
  }

  @Test
  void aMissingBucketAndAnUnreachableEndpointSaySo() {
    BucketException missing =
        assertThrows(
            BucketException.class, () -> bucket(Map.of("bucket", "no-such-bucket")).check());
    assertTrue(
        missing.getMessage().contains("bucket \"no-such-bucket\" does not exist"),
        missing::getMessage);

    BucketException down =
        assertThrows(
            BucketException.class, () -> bucket(Map.of("endpoint", "http://127.0.0.1:9")).check());
    assertTrue(down.getMessage().contains("http://127.0.0.1:9 is unreachable"), down::getMessage);
  }

  @Test
  void anUnreachableEndpointWhosePortHolds403IsUnreachableNotRefused() {
    // The endpoint appears in rclone's output; its digits are not an HTTP status.
    BucketException down =
        assertThrows(
            BucketException.class,
            () -> bucket(Map.of("endpoint", "http://127.0.0.1:40399")).check());
    assertTrue(
        down.getMessage().contains("http://127.0.0.1:40399 is unreachable"), down::getMessage);
    assertTrue(down.isTransient(), down::getMessage);
  }

  @Test
  void aFailedUploadLeavesTheVolumePendingWithTheReason(@TempDir Path dir) throws Exception {
    Path volumes = Files.createDirectories(dir.resolve("volumes"));
    Files.writeString(volumes.resolve("Vol-0007"), "blocks");
    VolumeCopies.Outcome outcome =
        new VolumeCopies(bucket(Map.of("endpoint", "http://127.0.0.1:9")), volumes).sync();
    assertFalse(outcome.complete());
    assertTrue(
        outcome.pendingSummary().startsWith("copy pending for 1 volume: "),
        outcome::pendingSummary);
    assertTrue(Files.exists(volumes.resolve("Vol-0007")), "the local volume stays");
  }

  @Test
  void anHttpsEndpointIsTrustedThroughTheRelationsCaChainOnly(@TempDir Path dir) throws Exception {
    try (S3Proxy secure = S3Proxy.startTls(dir.resolve("tls"), "backups")) {
      Map<String, String> data = new HashMap<>(secure.relationData("backups", "tls"));
      BucketException untrusted =
          assertThrows(
              BucketException.class,
              () -> new RcloneBucket(ready(data), dir.resolve("private")).check());
      assertTrue(
          untrusted.getMessage().contains("check the s3 relation's tls-ca-chain"),
          untrusted::getMessage);

      // As s3-integrator publishes it: a JSON list, each certificate base64 of its PEM.
      String base64 =
          Base64.getEncoder().encodeToString(secure.certificate().getBytes(StandardCharsets.UTF_8));
      data.put("tls-ca-chain", "[\"" + base64 + "\"]");
      RcloneBucket trusted = new RcloneBucket(ready(data), dir.resolve("private"));
      trusted.check();
      trusted.write("probe", "over TLS");
      assertEquals(Optional.of("over TLS"), trusted.read("probe"));
      assertEquals(
          "rwx------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private"))),
          "the CA file's directory is root's only");
    }
  }

  private static S3Settings ready(Map<String, String> data) {
    S3Settings.Reading reading = S3Settings.read(data);
    assertTrue(reading instanceof S3Settings.Ready, reading::toString);
    return ((S3Settings.Ready) reading).settings();
  }

  private static RcloneBucket bucket(Map<String, String> overrides) {
    Map<String, String> data = new HashMap<>(s3.relationData("backups", "test"));
    data.putAll(overrides);
    S3Settings.Reading reading = S3Settings.read(data);
    assertTrue(reading instanceof S3Settings.Ready, reading::toString);
    return new RcloneBucket(((S3Settings.Ready) reading).settings(), root.resolve("private"));
  }
}
