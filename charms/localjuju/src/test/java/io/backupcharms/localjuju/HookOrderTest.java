package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Juju's hook order, seen by a charm that records every hook it gets. */
class HookOrderTest {
  @TempDir Path tmp;

  static Map<String, String> recorder(String name, String extraMeta) {
    return Map.of(
        "metadata.yaml",
        "name: " + name + "\n" + extraMeta,
        "config.yaml",
        "options:\n  greeting:\n    type: string\n    default: hi\n",
        "dispatch",
        Charms.RECORDER);
  }

  @Test
  void setupRelationAndTeardownFollowJujusOrder() throws Exception {
    Path db =
        Charms.zip(
            tmp,
            "db",
            recorder(
                "db",
                "provides:\n  db:\n    interface: sql\npeers:\n"
                    + "  cluster:\n    interface: db-peers\n"));
    Path app =
        Charms.zip(tmp, "app", recorder("app", "requires:\n  database:\n    interface: sql\n"));
    try (Cli cli = new Cli(tmp, "order")) {
      cli.run("deploy", db.toString(), "-n", "2").ok();
      cli.run("deploy", app.toString()).ok();
      cli.settle();
      assertEquals(
          String.join(
              "\n",
              "hooks/install  ",
              "hooks/cluster-relation-created  ",
              "hooks/leader-elected  ",
              "hooks/config-changed  ",
              "hooks/start  ",
              "hooks/cluster-relation-joined db/1 ",
              "hooks/cluster-relation-changed db/1 ",
              ""),
          cli.hooks("db/0"));
      assertTrue(
          cli.hooks("db/1")
              .startsWith(
                  "hooks/install  \nhooks/cluster-relation-created  \n"
                      + "hooks/leader-settings-changed  \n"),
          cli.hooks("db/1"));

      cli.run("integrate", "app", "db").ok();
      cli.settle();
      assertTrue(
          cli.hooks("app/0")
              .endsWith(
                  String.join(
                      "\n",
                      "hooks/database-relation-created  ",
                      "hooks/database-relation-joined db/0 ",
                      "hooks/database-relation-changed db/0 ",
                      "hooks/database-relation-joined db/1 ",
                      "hooks/database-relation-changed db/1 ",
                      "")),
          cli.hooks("app/0"));

      Path two =
          Charms.zip(
              tmp,
              "two",
              recorder(
                  "two", "requires:\n  a:\n    interface: sql\n  b:\n" + "    interface: sql\n"));
      cli.run("deploy", two.toString(), "-n", "0").ok();
      Cli.Result amb = cli.run("integrate", "two", "db");
      assertEquals(1, amb.rc());
      assertEquals(
          "ERROR ambiguous relation: \"two db\" could refer to \"two:a db:db\"; \"two:b db:db\"\n",
          amb.err());
      cli.run("integrate", "two:b", "db").ok();

      cli.run("remove-relation", "app", "db:db").ok();
      cli.settle();
      assertTrue(
          cli.hooks("app/0")
              .endsWith(
                  String.join(
                      "\n",
                      "hooks/database-relation-departed db/0 db/0",
                      "hooks/database-relation-departed db/1 db/1",
                      "hooks/database-relation-broken  ",
                      "")),
          cli.hooks("app/0"));

      cli.run("refresh", "app", "--path", app.toString()).ok();
      cli.settle();
      assertTrue(
          cli.hooks("app/0").endsWith("hooks/upgrade-charm  \nhooks/config-changed  \n"),
          cli.hooks("app/0"));

      cli.run("config", "db", "greeting=hello").ok();
      cli.run("remove-unit", "db/0").ok();
      cli.settle();
      String dead = cli.hooks("db/0");
      assertEquals("", dead, "the removed unit's directory is gone with it");
      JsonNode units = cli.status().path("applications").path("db").path("units");
      assertFalse(units.has("db/0"));
      assertTrue(units.path("db/1").path("leader").asBoolean(), "db/1 became the leader: " + units);
      String survivor = cli.hooks("db/1");
      assertTrue(
          survivor.contains(
              "hooks/config-changed  \nhooks/cluster-relation-departed db/0 db/0\n"
                  + "hooks/leader-elected  \n"),
          survivor);
    }
  }

  @Test
  void subordinateLandsOnItsPrincipalsMachine() throws Exception {
    Path app = Charms.zip(tmp, "app", recorder("app", ""));
    Path sub =
        Charms.zip(
            tmp,
            "sub",
            recorder(
                "sub",
                "subordinate: true\nrequires:\n  host:\n"
                    + "    interface: juju-info\n    scope: container\n"));
    try (Cli cli = new Cli(tmp, "subs")) {
      cli.run("deploy", app.toString(), "-n", "2").ok();
      cli.run("deploy", sub.toString()).ok();
      cli.run("integrate", "sub", "app").ok();
      cli.settle();
      JsonNode units = cli.status().path("applications").path("app").path("units");
      assertEquals("0", units.path("app/0").path("machine").asText());
      assertTrue(units.path("app/0").path("subordinates").has("sub/0"), units.toString());
      assertTrue(units.path("app/1").path("subordinates").has("sub/1"), units.toString());
      assertEquals(
          "0",
          cli.state()
              .path("applications")
              .path("sub")
              .path("units")
              .path("sub/0")
              .path("machine")
              .asText());
      assertTrue(
          cli.hooks("sub/0").contains("hooks/host-relation-joined app/0 \n"), cli.hooks("sub/0"));
      assertFalse(cli.hooks("sub/0").contains("app/1"), "container scope: only its own principal");
      assertTrue(
          cli.hooks("app/1").contains("hooks/juju-info-relation-joined sub/1 \n"),
          cli.hooks("app/1"));

      // A unit added later gets its subordinate too, and both join the relation.
      cli.run("add-unit", "app").ok();
      cli.settle();
      JsonNode after = cli.status().path("applications").path("app").path("units");
      assertTrue(after.path("app/2").path("subordinates").has("sub/2"), after.toString());
      assertTrue(
          cli.hooks("sub/2").contains("hooks/host-relation-joined app/2 \n"), cli.hooks("sub/2"));
      assertTrue(
          cli.hooks("app/2")
              .contains(
                  "hooks/juju-info-relation-created  \n"
                      + "hooks/juju-info-relation-joined sub/2 \n"),
          cli.hooks("app/2"));
    }
  }

  @Test
  void aUnitAddedLaterGetsEverySubordinateAndTheirRelationWithEachOther() throws Exception {
    Path app = Charms.zip(tmp, "app", recorder("app", ""));
    Path fd =
        Charms.zip(
            tmp,
            "fd",
            recorder(
                "fd",
                "subordinate: true\n"
                    + "requires:\n"
                    + "  host:\n"
                    + "    interface: juju-info\n"
                    + "    scope: container\n"
                    + "provides:\n"
                    + "  backup:\n"
                    + "    interface: backup\n"
                    + "    scope: container\n"));
    Path integrator =
        Charms.zip(
            tmp,
            "integrator",
            recorder(
                "integrator",
                "subordinate: true\n"
                    + "requires:\n"
                    + "  host:\n"
                    + "    interface: juju-info\n"
                    + "    scope: container\n"
                    + "  backup:\n"
                    + "    interface: backup\n"
                    + "    scope: container\n"));
    try (Cli cli = new Cli(tmp, "late")) {
      cli.run("deploy", app.toString()).ok();
      cli.run("deploy", fd.toString()).ok();
      cli.run("deploy", integrator.toString()).ok();
      cli.run("integrate", "app", "fd:host").ok();
      cli.run("integrate", "app", "integrator:host").ok();
      cli.run("integrate", "integrator:backup", "fd:backup").ok();
      cli.run("add-unit", "app").ok();
      cli.settle();
      JsonNode subs =
          cli.status()
              .path("applications")
              .path("app")
              .path("units")
              .path("app/1")
              .path("subordinates");
      assertTrue(subs.has("fd/1") && subs.has("integrator/1"), subs.toString());
      assertTrue(
          cli.hooks("fd/1").contains("hooks/backup-relation-joined integrator/1 \n"),
          cli.hooks("fd/1"));
      assertTrue(
          cli.hooks("integrator/1").contains("hooks/backup-relation-joined fd/1 \n"),
          cli.hooks("integrator/1"));
      assertFalse(
          cli.hooks("fd/1").contains("integrator/0"), "container scope: only its own machine");
    }
  }
}
