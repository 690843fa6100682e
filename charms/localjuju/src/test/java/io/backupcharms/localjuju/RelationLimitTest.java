package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint's {@code limit} refuses {@code integrate} as Juju does, until a relation is removed.
 */
class RelationLimitTest {
  @TempDir Path tmp;

  @Test
  void aFullEndpointRefusesAnotherRelationUntilOneIsRemoved() throws Exception {
    Path db =
        Charms.zip(
            tmp,
            "db",
            HookOrderTest.recorder(
                "db", "provides:\n  db:\n    interface: sql\n" + "    limit: 1\n"));
    Path app =
        Charms.zip(
            tmp,
            "app",
            HookOrderTest.recorder(
                "app", "requires:\n  database:\n    interface: sql\n" + "    limit: 1\n"));
    try (Cli cli = new Cli(tmp, "limits")) {
      cli.run("deploy", db.toString()).ok();
      cli.run("deploy", app.toString(), "-n", "0").ok();
      cli.run("deploy", app.toString(), "other").ok();
      cli.run("deploy", db.toString(), "spare", "-n", "0").ok();
      cli.run("integrate", "app", "db").ok();
      cli.settle();
      String dbHooks = cli.hooks("db/0");
      String otherHooks = cli.hooks("other/0");
      JsonNode relations = cli.state().path("relations");
      int nextRelation = cli.state().path("nextRelation").asInt();

      // The provider side is full; Juju quotes the relation requirer first, whatever order was
      // given.
      Cli.Result provider = cli.run("integrate", "db", "other");
      assertEquals(1, provider.rc(), provider::err);
      assertEquals("", provider.out());
      assertEquals(
          "ERROR cannot add relation \"other:database db:db\": establishing a new relation for"
              + " db:db would exceed its maximum relation limit of 1 (quota limit exceeded)\n",
          provider.err());
      // The requirer side is checked as well.
      Cli.Result requirer = cli.run("integrate", "app", "spare");
      assertEquals(1, requirer.rc(), requirer::err);
      assertEquals(
          "ERROR cannot add relation \"app:database spare:db\": establishing a new relation for"
              + " app:database would exceed its maximum relation limit of 1 (quota limit"
              + " exceeded)\n",
          requirer.err());

      cli.settle();
      assertEquals(
          relations, cli.state().path("relations"), "a refused integrate changes no relation");
      assertEquals(
          nextRelation, cli.state().path("nextRelation").asInt(), "nor uses up a relation id");
      JsonNode apps = cli.status().path("applications");
      assertEquals(1, apps.path("db").path("relations").path("db").size(), apps.toString());
      assertEquals(
          "app",
          apps.path("db")
              .path("relations")
              .path("db")
              .path(0)
              .path("related-application")
              .asText());
      assertFalse(apps.path("other").has("relations"), apps.toString());
      assertFalse(apps.path("spare").has("relations"), apps.toString());
      assertEquals(dbHooks, cli.hooks("db/0"), "no hook fired for a refused relation");
      assertEquals(otherHooks, cli.hooks("other/0"), "no hook fired for a refused relation");

      // Once the relation is gone, its slot is free.
      cli.run("remove-relation", "db", "app").ok();
      cli.settle();
      cli.run("integrate", "db", "other").ok();
      cli.settle();
      assertTrue(
          cli.hooks("other/0")
              .endsWith(
                  String.join(
                      "\n",
                      "hooks/database-relation-created  ",
                      "hooks/database-relation-joined db/0 ",
                      "hooks/database-relation-changed db/0 ",
                      "")),
          cli.hooks("other/0"));
      JsonNode after = cli.status().path("applications").path("db").path("relations").path("db");
      assertEquals(1, after.size(), after.toString());
      assertEquals("other", after.path(0).path("related-application").asText());
    }
  }
}
