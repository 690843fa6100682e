package io.backupcharms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.server.offsite.S3Proxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The disaster the off-machine copy exists for: bacula-server copies every volume and its catalog
 * to a real S3 server (S3Proxy on loopback, through the s3-provider test charm); the S3 server's
 * outage and bad credentials cost nothing; then the server's application and machine are destroyed,
 * a new one is related to the same bucket, and recover-catalog plus restore bring every client's
 * last backup back.
 */
@ExtendWith(ModelExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LostServerTest {
  // The names of the how-to guide, whose commands the rebuild runs as written.
  private static final String APP = "myapp";
  private static final List<String> UNITS = List.of("myapp/0", "myapp/1");
  private static final String S3 = "s3-integrator";
  private static final DocSteps GUIDE = DocSteps.of("how-to/recover-lost-server.md");
  private static final String BUCKET = "backups";
  private static final String PATH = "bacula/prod";
  private static S3Proxy s3;

  /** When the model began: only files written since then can hold its secrets. */
  private static long startedEpoch;

  private static final Map<String, String> LAST_BACKUP = new LinkedHashMap<>();

  @BeforeAll
  static void deploy(JujuModel model) throws Exception {
    startedEpoch = Instant.now().getEpochSecond() - 60;
    s3 = S3Proxy.start(Files.createTempDirectory("lost-server-s3"), BUCKET);
    model.deploy(Charms.s3Provider(), S3, 1, s3.relationData(BUCKET, PATH));
    BackupStack.deployServer(model);
    model.integrate(BackupStack.SERVER + ":s3", S3 + ":s3-credentials");
    BackupStack.deployTarget(model, APP, 2);
    model.waitForActive(
        BackupStack.SETTLE,
        S3,
        BackupStack.SERVER,
        APP,
        BackupStack.fd(APP),
        BackupStack.integrator(APP));
  }

  @AfterAll
  static void stopS3() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void everyBackupIsCopiedOffTheMachine(JujuModel model) {
    for (String unit : UNITS) {
      DemoData.change(model, unit, unit.replace('/', '-') + "-full");
      ActionResult full = BackupStack.backup(model, unit, "Full");
      assertTrue(full.isCompleted(), () -> "Full backup of " + unit + ": " + full);
      assertTrue(
          full.result("off-machine").startsWith("yes: volumes copied to s3://backups/bacula/prod"),
          () -> "the Full is off the machine: " + full);
      DemoData.change(model, unit, unit.replace('/', '-') + "-incr");
      ActionResult incr = BackupStack.backup(model, unit, "Incremental");
      assertTrue(incr.isCompleted(), () -> "Incremental backup of " + unit + ": " + incr);
      assertTrue(incr.result("off-machine").startsWith("yes"), () -> "copied: " + incr);
      LAST_BACKUP.put(unit, DemoData.snapshot(model, unit));
    }
    ActionResult list = BackupStack.server(model, "list-backups", Map.of("client", "myapp/0"));
    assertTrue(list.isCompleted(), list::toString);
    assertEquals(
        List.of("copied", "copied"),
        copyStates(list),
        () -> "every backup shows its copy: " + list.raw());
    assertTrue(
        Files.isRegularFile(s3.object(BUCKET, PATH + "/catalog/LATEST")),
        "the catalog copy is named by catalog/LATEST");
    assertFalse(
        objects().filter(f -> f.toString().contains("/volumes/")).toList().isEmpty(),
        "volumes are in the bucket");
  }

  @Test
  @Order(2)
  void anS3OutageKeepsTheBackupAndTheCopyCatchesUp(JujuModel model) throws Exception {
    s3.stop();
    DemoData.change(model, "myapp/0", "during-outage");
    ActionResult during = BackupStack.backup(model, "myapp/0", "Incremental");
    assertTrue(during.isCompleted(), () -> "the backup itself succeeds locally: " + during);
    assertTrue(
        during.result("off-machine").startsWith("no: "), () -> "not off the machine: " + during);
    assertTrue(during.result("off-machine").contains("unreachable"), () -> "says why: " + during);
    LAST_BACKUP.put("myapp/0", DemoData.snapshot(model, "myapp/0"));
    model.updateStatus(BackupStack.SERVER);
    model.waitFor(
        "the server says the copy is pending",
        BackupStack.SETTLE,
        s -> s.first(BackupStack.SERVER).message().contains("copy pending"));

    s3.restart();
    model.updateStatus(BackupStack.SERVER);
    model.waitFor(
        "the pending copy completes on the next hook",
        BackupStack.SETTLE,
        s ->
            s.first(BackupStack.SERVER).is("active")
                && s.first(BackupStack.SERVER)
                    .message()
                    .contains("copies in s3://backups/bacula/prod"));
    ActionResult list =
        BackupStack.server(model, "list-backups", Map.of("client", "myapp/0", "limit", "1"));
    assertEquals(
        List.of("copied"),
        copyStates(list),
        () -> "the outage's backup is copied now: " + list.raw());
  }

  @Test
  @Order(3)
  void wrongCredentialsAndAMissingBucketBlockNamingTheCause(JujuModel model) {
    model.config(S3, Map.of("secret-key", "not-the-secret-key"));
    ModelStatus wrong =
        model.waitFor(
            "blocked on the secret key",
            BackupStack.SETTLE,
            s -> s.first(BackupStack.SERVER).is("blocked"));
    String message = wrong.first(BackupStack.SERVER).message();
    assertTrue(message.contains("secret-key"), () -> "names the key: " + message);
    assertFalse(message.contains("not-the-secret-key"), () -> "never shows it: " + message);

    model.config(S3, Map.of("secret-key", S3Proxy.SECRET_KEY, "bucket", "no-such-bucket"));
    ModelStatus missing =
        model.waitFor(
            "blocked on the bucket",
            BackupStack.SETTLE,
            s ->
                s.first(BackupStack.SERVER)
                    .message()
                    .contains("bucket \"no-such-bucket\" does not exist"));
    assertTrue(missing.first(BackupStack.SERVER).is("blocked"), missing::toString);

    model.config(S3, Map.of("bucket", BUCKET));
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER);
    ActionResult backup = BackupStack.backup(model, "myapp/1", "Incremental");
    assertTrue(
        backup.isCompleted() && backup.result("off-machine").startsWith("yes"),
        () -> "copies work again: " + backup);
  }

  @Test
  @Order(4)
  void aLostServerIsRebuiltFromTheBucket(JujuModel model) {
    // myapp/1's machine is lost first; only the old server's record knows which unit it was.
    model.removeUnit("myapp/1");
    model.waitFor("myapp/1 is gone", BackupStack.SETTLE, s -> s.unitsOf(APP).size() == 1);
    ActionResult copied = BackupStack.server(model, "backup-catalog", Map.of());
    assertTrue(copied.isCompleted(), copied::toString);
    step(model, "lost-server-remove");
    model.waitFor(
        "the server and its machine are gone",
        BackupStack.SETTLE,
        s -> s.unitsOf(BackupStack.SERVER).isEmpty());
    step(model, "lost-server-deploy");
    step(model, "lost-server-integrate");
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER, BackupStack.fd(APP));
    assertEquals(
        "",
        model.sh(BackupStack.SERVER + "/leader", "ls /var/lib/bacula/volumes").strip(),
        "the new server's machine has none of the old volumes");

    model.config(S3, Map.of("path", "nothing-here"));
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER);
    ActionResult none = BackupStack.server(model, "recover-catalog", Map.of());
    assertFalse(none.isCompleted(), () -> "no copy to recover: " + none);
    assertTrue(
        none.message().contains("no catalog copy in s3://backups/nothing-here"), none::toString);
    model.config(S3, Map.of("path", PATH));
    model.waitForActive(BackupStack.SETTLE, BackupStack.SERVER);

    String recovered = step(model, "lost-server-recover").get(0);
    assertTrue(
        recovered.contains("copy: catalog/"),
        () -> "recover-catalog as the guide runs it: " + recovered);
    assertTrue(
        recovered.contains("clients-recovered: myapp/1"),
        () -> "the unit gone before the loss is known again: " + recovered);
    ActionResult again = BackupStack.server(model, "recover-catalog", Map.of());
    assertFalse(
        again.isCompleted(), () -> "a catalog with jobs is not replaced silently: " + again);
    assertTrue(again.message().contains("force=true"), again::toString);

    DemoData.destroy(model, "myapp/0");
    List<String> guide = step(model, "lost-server-restore");
    assertTrue(
        guide.get(0).contains("Full") && guide.get(0).contains("Incremental"),
        () -> "the old backups are listed: " + guide.get(0));
    assertEquals(
        LAST_BACKUP.get("myapp/0"),
        DemoData.snapshot(model, "myapp/0"),
        "myapp/0 has its last backup back, restored as the guide says");
    ActionResult clients = BackupStack.server(model, "list-clients", Map.of());
    assertEquals("gone", clients.result("clients.myapp-1.state"), clients::raw);
    assertEquals("myapp", clients.result("clients.myapp-1.application"), clients::raw);
    // myapp/1's machine is replaced: its data goes onto a new unit of the application.
    model.addUnit(APP, 1);
    model.waitForActive(BackupStack.SETTLE, APP, BackupStack.fd(APP), BackupStack.SERVER);
    ActionResult onto =
        BackupStack.server(model, "restore", Map.of("client", "myapp/1", "target", "myapp/2"));
    assertTrue(onto.isCompleted(), () -> "restore of myapp/1 onto myapp/2: " + onto);
    assertEquals(
        LAST_BACKUP.get("myapp/1"),
        DemoData.snapshot(model, "myapp/2"),
        "myapp/1's last backup is on the new unit");
    ActionResult after = BackupStack.backup(model, "myapp/0", "Incremental");
    assertTrue(
        after.isCompleted() && after.result("off-machine").startsWith("yes"),
        () -> "the rebuilt server backs up and copies: " + after);
  }

  @Test
  @Order(5)
  void aVolumeInNeitherPlaceFailsTheRestoreNamingIt(JujuModel model) throws IOException {
    List<Path> volumes;
    try (Stream<Path> files = objects()) {
      volumes = files.filter(f -> f.getParent().endsWith("volumes")).toList();
    }
    for (Path v : volumes) {
      Files.delete(v);
      model.sh(BackupStack.SERVER + "/leader", "rm -f /var/lib/bacula/volumes/" + v.getFileName());
    }
    ActionResult restore = BackupStack.restore(model, "myapp/0");
    assertFalse(restore.isCompleted(), () -> "nothing to read: " + restore);
    assertTrue(
        restore
            .message()
            .contains("is neither in /var/lib/bacula/volumes nor in s3://backups/bacula/prod"),
        restore::toString);
  }

  @Test
  @Order(6)
  void theS3CredentialsAreInNoLogAndNoFileOthersCanRead(JujuModel model) {
    String log = model.debugLog(100000);
    assertTrue(log.contains("copied volume"), "the log is the charms' log");
    for (String secret : List.of(S3Proxy.SECRET_KEY, "not-the-secret-key")) {
      assertFalse(log.contains(secret), () -> "the secret key is in the debug log");
    }
    // One pass over the files written since the model began, for both keys the test ever set.
    String readable =
        model.sh(
            BackupStack.SERVER + "/leader",
            "find /etc /var /tmp /root /srv -xdev -type f"
                + " -newermt @"
                + startedEpoch
                + " -perm -o=r -size -20M -exec grep -l -F -e '"
                + S3Proxy.SECRET_KEY
                + "' -e not-the-secret-key {} + 2>/dev/null || true");
    assertEquals(
        "", readable.strip(), () -> "world-readable files with the secret key: " + readable);
  }

  /**
   * Runs one step of the how-to as printed, each command's output in order; the guide's {@code
   * ./<charm file>} is the charm this build made.
   */
  private static List<String> step(JujuModel model, String name) {
    List<String> out = new ArrayList<>();
    for (String command : GUIDE.commands(name)) {
      out.add(
          model.typed(
              command.replace(
                  "./bacula-server_ubuntu@22.04-amd64.charm", Charms.baculaServer().toString()),
              BackupStack.JOB.plusMinutes(1)));
    }
    return out;
  }

  /** Each listed backup's copy state, newest first. */
  private static List<String> copyStates(ActionResult list) {
    List<String> states = new ArrayList<>();
    list.results().path("backups").forEach(job -> states.add(job.path("copy").asText()));
    return states;
  }

  private static Stream<Path> objects() {
    try {
      return Files.walk(s3.object(BUCKET, PATH)).filter(Files::isRegularFile);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
