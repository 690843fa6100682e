package io.backupcharms.server.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientsTest {

  static Map<String, String> goodBag(String name) {
    Map<String, String> bag = new HashMap<>();
    bag.put("name", name);
    bag.put("fileset", "/var/lib/myapp,/etc/myapp");
    bag.put("port", "9102");
    bag.put("client-run-before-backup", "/var/lib/juju/agents/unit-x/charm/before.sh");
    bag.put("client-run-after-backup", "/usr/local/bin/noop");
    bag.put("client-run-before-restore", "/usr/local/bin/noop");
    bag.put("client-run-after-restore", "/usr/local/bin/noop");
    bag.put("ingress-address", "127.0.1.2");
    return bag;
  }

  @Test
  void aCompleteBagBecomesAClientWithItsOwnResourceNames() {
    Map<String, String> bag = goodBag("relation-m-myapp-0-abc123-fd");
    bag.put("schedule", "Level=Full sun at 01:00, Level=Incremental mon-sat at 01:00");
    Clients clients = Clients.read(List.of(new FdUnitBag(4, "bacula-fd/0", bag)));

    ClientSpec c = clients.ready().get(0);
    assertEquals("relation-m-myapp-0-abc123-fd", c.clientResource());
    assertEquals("relation-m-myapp-0-abc123-backup", c.backupJob());
    assertEquals("relation-m-myapp-0-abc123-restore", c.restoreJob());
    assertEquals("relation-m-myapp-0-abc123-fileset", c.filesetResource());
    assertEquals("relation-m-myapp-0-abc123-schedule", c.scheduleResource());
    assertEquals(List.of("/var/lib/myapp", "/etc/myapp"), c.fileset());
    assertEquals(
        List.of("Level=Full sun at 01:00", "Level=Incremental mon-sat at 01:00"), c.schedule());
    assertEquals("127.0.1.2", c.address());
    assertEquals(Optional.of("/usr/local/bin/noop"), c.scripts().afterRestore());
  }

  @Test
  void aUnitThatHasNotPublishedIsPendingNotAnError() {
    Clients clients =
        Clients.read(
            List.of(new FdUnitBag(4, "bacula-fd/0", Map.of("ingress-address", "10.0.0.1"))));
    assertTrue(clients.ready().isEmpty());
    assertTrue(clients.rejected().isEmpty());
    assertEquals("bacula-fd/0", clients.pending().get(0).unit());
  }

  @Test
  void hostileDataIsRejectedWithEveryFieldNamedAndOthersStayReady() {
    Map<String, String> bad = goodBag("evil-fd");
    bad.put("fileset", "var/lib,/srv/a\nb");
    bad.put("client-run-before-backup", "/bin/sh -c 'rm -rf /'");
    bad.put("client-run-after-backup", "/srv/%c/after");
    bad.put("schedule", "daily at 01:00 } Job { Name = x");
    bad.put("port", "99999");
    Clients clients =
        Clients.read(
            List.of(
                new FdUnitBag(4, "bacula-fd/0", goodBag("good-fd")),
                new FdUnitBag(5, "other-fd/1", bad)));

    assertEquals(1, clients.ready().size());
    assertEquals("good-fd", clients.ready().get(0).name());
    String message = clients.rejected().get(0).message();
    assertTrue(message.startsWith("relation bacula-dir:5 (other-fd/1): "), message);
    assertTrue(message.contains("fileset path \"var/lib\" is relative"), message);
    assertTrue(message.contains("\"/srv/a\\nb\" contains a control character"), message);
    assertTrue(
        message.contains("client-run-before-backup \"/bin/sh -c 'rm -rf /'\" cannot be run"),
        message);
    assertTrue(
        message.contains("client-run-after-backup \"/srv/%c/after\" cannot be run"), message);
    assertTrue(message.contains("schedule run 1"), message);
    assertTrue(message.contains("port 99999 is out of range"), message);
    assertTrue(!message.contains("\n"), "one line: " + message);
  }

  @Test
  void aNameThatWouldReplaceTheServersOwnResourcesIsRefused() {
    for (String name : List.of("charm-catalog", "charm-bacula-dir-fd")) {
      Clients clients =
          Clients.read(
              List.of(
                  new FdUnitBag(4, "bacula-fd/0", goodBag("good-fd")),
                  new FdUnitBag(5, "squatter/0", goodBag(name))));
      assertEquals(List.of("good-fd"), clients.ready().stream().map(ClientSpec::name).toList());
      String message = clients.rejected().get(0).message();
      assertTrue(message.startsWith("relation bacula-dir:5 (squatter/0): "), message);
      assertTrue(message.contains("name \"" + name + "\" is reserved"), message);
    }
  }

  @Test
  void anInvalidScheduleWordIsRejectedByTheBaculaGrammar() {
    Map<String, String> bag = goodBag("a-fd");
    bag.put("schedule", "Level=Full someday at 01:00");
    Clients clients = Clients.read(List.of(new FdUnitBag(1, "bacula-fd/0", bag)));
    assertTrue(clients.ready().isEmpty());
    assertTrue(clients.rejected().get(0).message().contains("schedule"));
  }

  @Test
  void aNameClaimedTwiceLeavesEveryClaimantOutNamingAll() {
    Clients clients =
        Clients.read(
            List.of(
                new FdUnitBag(1, "rogue/0", goodBag("same-fd")),
                new FdUnitBag(2, "bacula-fd2/0", goodBag("same-fd")),
                new FdUnitBag(3, "bacula-fd/0", goodBag("other-fd"))));
    assertEquals(List.of("other-fd"), clients.ready().stream().map(ClientSpec::name).toList());
    assertEquals(2, clients.rejected().size());
    for (ClientReading.Rejected r : clients.rejected()) {
      assertEquals(
          List.of(
              "two units claim name \"same-fd\": rogue/0 (bacula-dir:1) and bacula-fd2/0"
                  + " (bacula-dir:2); every File Daemon needs its own name, so none of them is"
                  + " backed up or restored to; remove the wrong relation"),
          r.problems());
      assertEquals(Optional.of("same-fd"), r.name());
    }
  }

  @Test
  void anAbsentScheduleMeansManualOnly() {
    Map<String, String> bag = goodBag("a-fd");
    assertEquals(
        List.of(), Clients.read(List.of(new FdUnitBag(1, "u/0", bag))).ready().get(0).schedule());
  }
}
