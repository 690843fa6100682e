package io.backupcharms.it.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.console.AuthenticationFailedException;
import io.backupcharms.bacula.console.ConsoleSettings;
import io.backupcharms.bacula.console.DirectorConsole;
import io.backupcharms.bacula.console.FileDaemonStatusClient;
import io.backupcharms.it.ActionResult;
import io.backupcharms.it.BackupStack;
import io.backupcharms.it.Charms;
import io.backupcharms.it.JujuModel;
import io.backupcharms.it.ModelExtension;
import io.backupcharms.it.ModelStatus;
import io.backupcharms.it.PyBackup;
import io.backupcharms.it.SharedServer;
import io.backupcharms.it.UnitStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Units that share an application or a machine. Root on one machine of an application against its
 * sibling: whatever sibling/1's machine can read (its File Daemon's configuration, every secret its
 * bacula-fd unit may open) must not log in to sibling/0's File Daemon as the Director, which could
 * run commands and read any file there. And a second bacula-fd application on the same machines
 * must not take over, rewrite or stop the File Daemon the first one runs.
 */
@ExtendWith(ModelExtension.class)
@SharedServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiblingUnitTest {
  private static final String APP = "sibling";
  private static final String SECOND = "second-fd";

  /** Every password in the File Daemon's configuration and every secret the unit can read. */
  private static final String READABLE =
      "sed -n 's/.*Password = \"\\(.*\\)\".*/\\1/p' /etc/bacula/bacula-fd.conf;"
          + " for r in $(relation-ids bacula-dir); do"
          + " for id in $(relation-get --app -r $r - "
          + BackupStack.SERVER
          + " --format=json"
          + " | grep -o 'secret:[0-9a-v]\\{20\\}' | sort -u); do"
          + " secret-get $id password 2>/dev/null; done; done; true";

  @BeforeAll
  static void deploy(JujuModel model) {
    BackupStack.deployTarget(model, APP, 2);
    model.waitForActive(
        BackupStack.SETTLE,
        APP,
        BackupStack.integrator(APP),
        BackupStack.fd(APP),
        BackupStack.SERVER);
  }

  @Test
  @Order(1)
  void nothingReadableOnASiblingsMachineOpensTheFileDaemonOfTheOther(JujuModel model) {
    ActionResult backup = BackupStack.backup(model, APP + "/0", "Full");
    assertTrue(backup.isCompleted(), () -> "the Director itself still logs in: " + backup);
    List<String> readable =
        model
            .sh(BackupStack.fd(APP) + "/1", READABLE)
            .lines()
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .distinct()
            .toList();
    assertFalse(readable.isEmpty(), "the sibling's machine holds its own Director password");
    String address = model.status().unit(APP + "/0").orElseThrow().address();
    for (String password : readable) {
      FileDaemonStatusClient asDirector =
          new FileDaemonStatusClient(
              address, 9102, "charm-bacula-dir", password, Duration.ofSeconds(10));
      assertThrows(
          AuthenticationFailedException.class,
          asDirector::checkLogin,
          "a password readable on sibling/1's machine opens sibling/0's File Daemon");
    }
  }

  /** Two bacula-fd applications on one machine would share one bacula-fd.conf and one service. */
  @Test
  @Order(2)
  void aSecondFileDaemonOnTheMachineIsBlockedAndLeavesTheFirstOneAlone(JujuModel model) {
    String conf = "md5sum /etc/bacula/bacula-fd.conf; systemctl is-active bacula-fd";
    String before = model.sh(APP + "/0", conf);
    model.deploy(Charms.baculaFd(), SECOND, 1, Map.of());
    model.integrate(APP + ":juju-info", SECOND + ":juju-info");
    model.integrate(SECOND + ":bacula-dir", BackupStack.SERVER + ":bacula-dir");
    ModelStatus blocked =
        model.waitFor(
            "the second bacula-fd units are blocked",
            BackupStack.SETTLE,
            s ->
                s.unitsOf(SECOND).size() == 2
                    && s.unitsOf(SECOND).stream().allMatch(u -> u.is("blocked")));
    String message = blocked.unitsOf(SECOND).get(0).message();
    assertTrue(
        message.startsWith("this machine's File Daemon belongs to " + BackupStack.fd(APP) + "/"),
        message);
    assertEquals(
        before,
        model.sh(APP + "/0", conf),
        "the first unit's configuration and daemon are untouched");

    model.removeApplication(SECOND);
    model.waitFor(
        "the second bacula-fd is gone", BackupStack.SETTLE, s -> s.unitsOf(SECOND).isEmpty());
    assertEquals(
        before, model.sh(APP + "/0", conf), "its removal stopped nothing of the first one");
    ActionResult backup = BackupStack.backup(model, APP + "/0", "Incremental");
    assertTrue(backup.isCompleted(), () -> "the first File Daemon still backs up: " + backup);
  }

  /**
   * A charm on another machine names a script over the backup relation of a File Daemon attached to
   * a different principal: the File Daemon would run it as root around every job there.
   */
  @Test
  @Order(3)
  void aCharmOnAnotherMachineCannotNameTheScriptsAFileDaemonRuns(JujuModel model) {
    String marker = "/usr/local/sbin/elsewhere-chose-this";
    model.deploy(Charms.pyBackup(), "victim", 1, Map.of());
    model.deploy(Charms.pyBackup(), "elsewhere", 1, Map.of());
    model.deploy(Charms.baculaFd(), "victim-fd", 1, Map.of());
    model.integrate("victim:juju-info", "victim-fd:juju-info");
    model.integrate("victim-fd:bacula-dir", BackupStack.SERVER + ":bacula-dir");
    model.integrate("elsewhere:backup", "victim-fd:backup");
    try {
      PyBackup.publish(
          model, "elsewhere", Map.of("fileset", "/etc/hostname", "run-before-backup", marker));

      UnitStatus beside = model.status().subordinateOf("victim/0", "victim-fd").orElseThrow();
      assertEquals("waiting for backup relation", beside.message(), () -> beside.toString());
      assertEquals(
          "",
          model
              .sh(BackupStack.SERVER + "/0", "grep -rl -- " + marker + " /etc/bacula || true")
              .strip(),
          "the Director is told to run the other machine's script nowhere");
    } finally {
      // The server waits for every File Daemon related to it to publish; this one never will.
      model.removeRelation("victim-fd:bacula-dir", BackupStack.SERVER + ":bacula-dir");
    }
  }

  /**
   * The Director, the File Daemons and the Storage Daemon require TLS of each other: a Director
   * that knows sibling/0's own password but speaks plaintext is refused, and a capture of a
   * backup's traffic holds none of the backed-up file's content.
   */
  @Test
  @Order(4)
  void daemonsSpeakOnlyTlsAndABackupsTrafficHoldsNoFileContent(JujuModel model) throws Exception {
    String unit = APP + "/0";
    String address = model.status().unit(unit).orElseThrow().address();
    String password =
        model
            .sh(
                unit,
                "awk '/Name = \"?charm-bacula-dir\"?$/{d=1} d && /Password/{print; exit}'"
                    + " /etc/bacula/bacula-fd.conf")
            .replaceAll("(?s).*Password = \"(.*)\".*", "$1")
            .strip();
    FileDaemonStatusClient plain =
        new FileDaemonStatusClient(
            address, 9102, "charm-bacula-dir", password, Duration.ofSeconds(10));
    AuthenticationFailedException refused =
        assertThrows(
            AuthenticationFailedException.class,
            plain::checkLogin,
            "a plaintext Director with the right password is refused");
    assertTrue(refused.getMessage().contains("requires TLS"), refused.getMessage());
    String server = model.status().first(BackupStack.SERVER).address();
    String consolePassword =
        model
            .sh(
                BackupStack.SERVER + "/0",
                "awk '/Name = \"?charm-bacula-dir\"?$/{d=1} d && /Password/{print; exit}'"
                    + " /etc/bacula/bacula-dir.conf")
            .replaceAll("(?s).*Password = \"(.*)\".*", "$1")
            .strip();
    AuthenticationFailedException console =
        assertThrows(
            AuthenticationFailedException.class,
            () -> DirectorConsole.connect(ConsoleSettings.of(server, 9101, consolePassword)),
            "a plaintext console with the right password is refused by the Director");
    assertTrue(console.getMessage().contains("requires TLS"), console.getMessage());

    String marker = "TLS-MARKER-" + Long.toHexString(System.nanoTime());
    model.sh(
        unit,
        "for i in $(seq 1 300); do echo " + marker + "; done > /srv/demo/files/tls-marker.txt");
    Path capture = Files.createTempFile("backup-traffic", ".pcap");
    Process tcpdump =
        new ProcessBuilder(
                "tcpdump",
                "-i",
                "lo",
                "-U",
                "-w",
                capture.toString(),
                "host " + address + " and (port 9102 or port 9103)")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      Thread.sleep(1000); // tcpdump listens before the job starts
      ActionResult backup = BackupStack.backup(model, unit, "Incremental");
      assertTrue(backup.isCompleted(), () -> "the backup over TLS: " + backup);
    } finally {
      tcpdump.destroy();
      tcpdump.waitFor(10, TimeUnit.SECONDS);
    }
    String traffic = new String(Files.readAllBytes(capture), StandardCharsets.ISO_8859_1);
    Files.deleteIfExists(capture);
    assertTrue(traffic.length() > 4000, "the capture saw the job: " + traffic.length() + " bytes");
    assertFalse(traffic.contains(marker), "the file's content crossed the network in plaintext");
    assertFalse(
        traffic.contains("tls-marker.txt"), "the file's name crossed the network in plaintext");
  }

  /**
   * Any user of sibling/0's machine plants a symbolic link where the operator restores to; the File
   * Daemon, running as root, must not follow it.
   */
  @Test
  @Order(5)
  void aRestoreUnderTmpDoesNotFollowALinkPlantedThere(JujuModel model) {
    String unit = APP + "/0";
    model.sh(
        unit,
        "rm -rf /tmp/restore /root/planted && mkdir -p /root/planted"
            + " && ln -s /root/planted /tmp/restore");
    ActionResult restore =
        BackupStack.server(model, "restore", Map.of("client", unit, "where", "/tmp/restore"));
    assertTrue(restore.isCompleted(), () -> "the restore itself works: " + restore);
    String where = restore.result("where");
    assertTrue(where.startsWith("/var/lib/bacula-fd-charm/restores/"), where);
    assertEquals("/tmp/restore", restore.result("requested-where"));
    assertEquals(
        "",
        model.sh(unit, "find /root/planted -mindepth 1").strip(),
        "nothing was written through the planted link");
    assertTrue(
        model.exec(unit, "test -f " + where + "/srv/demo/files/hello.txt").isSuccess(),
        "the files are in the private directory");
    assertEquals("700", model.sh(unit, "stat -c %a /var/lib/bacula-fd-charm/restores").strip());
  }
}
