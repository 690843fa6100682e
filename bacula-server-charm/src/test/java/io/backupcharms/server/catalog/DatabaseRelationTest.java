package io.backupcharms.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseRelationTest {

  @Test
  void plainCredentialsFromAnOlderProvider() {
    var reading =
        DatabaseRelation.read(
            Map.of(
                "endpoints",
                "127.0.0.9:5433,127.0.0.10:5432",
                "username",
                "relation_5",
                "password",
                "s3cret",
                "database",
                "bacula",
                "version",
                "15"),
            id -> Optional.empty());
    var pg = assertInstanceOf(DatabaseRelation.Ready.class, reading).catalog();
    assertEquals(
        new CatalogDatabase.Postgres("127.0.0.9", 5433, "bacula", "relation_5", "s3cret"), pg);
    assertFalse(pg.toString().contains("s3cret"), "no password in toString: " + pg);
  }

  @Test
  void credentialsFromTheSecretUserSecret() {
    var reading =
        DatabaseRelation.read(
            Map.of("endpoints", "db.example:5432", "secret-user", "secret:abc"),
            id ->
                id.equals("secret:abc")
                    ? Optional.of(Map.of("username", "u", "password", "p"))
                    : Optional.empty());
    assertEquals(
        new CatalogDatabase.Postgres("db.example", 5432, "bacula", "u", "p"),
        assertInstanceOf(DatabaseRelation.Ready.class, reading).catalog());
  }

  @Test
  void incompleteDataWaitsWithAReason() {
    assertEquals(
        new DatabaseRelation.Waiting("waiting for PostgreSQL to publish its endpoints"),
        DatabaseRelation.read(Map.of(), id -> Optional.empty()));
    assertEquals(
        new DatabaseRelation.Waiting("waiting for access to the PostgreSQL credentials secret"),
        DatabaseRelation.read(
            Map.of("endpoints", "h:1", "secret-user", "secret:x"), id -> Optional.empty()));
  }

  @Test
  void theRequestAsksForTheBaculaDatabaseAndSecretCredentials() {
    assertEquals("bacula", DatabaseRelation.request().get("database"));
    assertEquals(
        "[\"username\", \"password\", \"tls\", \"tls-ca\", \"uris\"]",
        DatabaseRelation.request().get("requested-secrets"));
  }
}
