package io.backupcharms.it.adversarial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * valid and must be backed up; one over the limit must block with the limit in the message. A
 * rogue bacula-fd stand-in sending such a fileset to the server must not put the server in error.
 */
@ExtendWith(OneModel.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManyPathsFilesetTest {
  static final String SERVER = "bacula-server";
  static final String MANY = IntStream.range(0, 1000).mapToObj(i -> "/srv/many/path-number-" + i)
      .collect(Collectors.joining(","));

  @BeforeAll
  static void deploy(Model model) {
    model.deploy(TestCharms.server(), SERVER, Map.of());
    model.deploy(TestCharms.pyBackup(), "py", Map.of());
    model.deploy(TestCharms.fd(), "py-fd", Map.of());
    model.integrate("py:juju-info", "py-fd:juju-info");
    model.integrate("py:backup", "py-fd:backup");
    model.integrate("py-fd:bacula-dir", SERVER + ":bacula-dir");
    model.waitActive("py", "py-fd", SERVER);
  }

  @Test
  @Order(1)
  void aThousandPathsAreAValidFileset(Model model) throws JsonProcessingException {
    model.sh("py/0", "mkdir -p /srv/many && cd /srv/many && seq 0 999 | sed 's/^/path-number-/' | xargs touch");
    model.config("py", "databag", Cli.JSON.writeValueAsString(Map.of("fileset", MANY)));
    model.settle();
    model.waitActive("py-fd", SERVER);
    Model.Action backup = model.backup("py/0");
    assertTrue(backup.completed(), () -> "backup of 1000 paths: " + backup.raw());
    assertTrue(Integer.parseInt(backup.result("files")) >= 1000, () -> "every path is in the backup: " + backup.raw());
  }

  @Test
  @Order(2)
  void overTheLimitBlocksWithTheLimit(Model model) throws JsonProcessingException {
    String huge = IntStream.range(0, 3000).mapToObj(i -> "/srv/many/path-number-" + i).collect(Collectors.joining(","));
    model.config("py", "databag", Cli.JSON.writeValueAsString(Map.of("fileset", huge)));
    model.settle();
    Model.Unit fd = model.first("py-fd");
    assertTrue(fd.workload().equals("blocked") && fd.message().contains("65536"), fd::toString);
  }

  @Test
  @Order(3)
  void aRogueSendingAThousandPathsDoesNotBreakTheServer(Model model) throws JsonProcessingException {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("name", "rogue-many-fd");
    bag.put("port", "9102");
    bag.put("fileset", MANY);
    model.deploy(TestCharms.pyBackup(), "rogue", Map.of("dir-databag", Cli.JSON.writeValueAsString(bag)));
    model.integrate("rogue:bacula-dir", SERVER + ":bacula-dir");
    model.settle();
    Model.Unit server = model.first(SERVER);
    assertFalse(server.workload().equals("error"), server::toString);
  }
}
