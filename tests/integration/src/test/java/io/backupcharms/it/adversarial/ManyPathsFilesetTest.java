package io.backupcharms.it.adversarial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.it.ActionResult;
import io.backupcharms.it.BackupStack;
import io.backupcharms.it.JujuModel;
import io.backupcharms.it.ModelExtension;
import io.backupcharms.it.PyBackup;
import io.backupcharms.it.UnitStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fileset of 1000 short paths (about 20 KB, a third of the documented 65536-character limit) is
 * valid and must be backed up; one over the limit must block with the limit in the message. A rogue
 * bacula-fd stand-in sending such a fileset to the server must not put the server in error.
 */
@ExtendWith(ModelExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManyPathsFilesetTest {
  static final String SERVER = BackupStack.SERVER;
  static final String MANY =
      IntStream.range(0, 1000)
          .mapToObj(i -> "/srv/many/path-number-" + i)
          .collect(Collectors.joining(","));

  @BeforeAll
  static void deploy(JujuModel model) {
    BackupStack.deployServer(model);
    PyBackup.deployClient(model, "py");
    model.waitForActive(BackupStack.SETTLE, "py", "py-fd", SERVER);
  }

  @Test
  @Order(1)
  void aThousandPathsAreAValidFileset(JujuModel model) {
    model.sh(
        "py/0",
        "mkdir -p /srv/many && cd /srv/many && seq 0 999 | sed 's/^/path-number-/' | xargs touch");
    PyBackup.publish(model, "py", Map.of("fileset", MANY));
    model.waitForActive(BackupStack.SETTLE, "py-fd", SERVER);
    ActionResult backup = BackupStack.backup(model, "py/0", "Full");
    assertTrue(backup.isCompleted(), () -> "backup of 1000 paths: " + backup.raw());
    assertTrue(
        Integer.parseInt(backup.result("files")) >= 1000,
        () -> "every path is in the backup: " + backup.raw());
  }

  @Test
  @Order(2)
  void overTheLimitBlocksWithTheLimit(JujuModel model) {
    String huge =
        IntStream.range(0, 3000)
            .mapToObj(i -> "/srv/many/path-number-" + i)
            .collect(Collectors.joining(","));
    PyBackup.publish(model, "py", Map.of("fileset", huge));
    UnitStatus fd = model.status().first("py-fd");
    assertTrue(fd.workload().equals("blocked") && fd.message().contains("65536"), fd::toString);
  }

  @Test
  @Order(3)
  void aRogueSendingAThousandPathsDoesNotBreakTheServer(JujuModel model) {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("name", "rogue-many-fd");
    bag.put("port", "9102");
    bag.put("fileset", MANY);
    PyBackup.deployRogue(model, "rogue", bag, false);
    UnitStatus server = model.status().first(SERVER);
    assertFalse(server.workload().equals("error"), server::toString);
  }
}
