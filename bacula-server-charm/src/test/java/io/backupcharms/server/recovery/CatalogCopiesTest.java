package io.backupcharms.server.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.offsite.RcloneBucket;
import io.backupcharms.server.offsite.S3Proxy;
import io.backupcharms.server.offsite.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog copy in a real S3 server comes back whole: dump, bootstrap files and clients. */
class CatalogCopiesTest {

  @Test
  void aCopyBringsBackTheBootstrapsAndTheUnitsOfGoneClients(@TempDir Path dir) throws Exception {
    try (S3Proxy s3 = S3Proxy.start(dir.resolve("s3"), "backups")) {
      S3Settings settings =
          ((S3Settings.Ready) S3Settings.read(s3.relationData("backups", "prod"))).settings();
      Path oldServer = Files.createDirectories(dir.resolve("old"));
      CatalogSetup.createSqlite(oldServer, CatalogDatabase.DATABASE);
      Files.writeString(oldServer.resolve("myapp-1-backup.bsr"), "Volume=\"Vol-0001\"\n");
      ClientHistory clients =
          ClientHistory.parse(
              "relation-prod-myapp-1-5e6f-fd|myapp/1|bacula-fd/1|10.0.0.6|9102,!forgotten-app");
      CatalogCopies lost =
          new CatalogCopies(
              new RcloneBucket(settings, dir.resolve("old-private")),
              dir.resolve("old-scratch"),
              Clock.systemUTC());
      CatalogCopy saved =
          lost.save(new CatalogDatabase.Sqlite(oldServer), oldServer, "bacula-server", 7, clients);

      Path newServer = Files.createDirectories(dir.resolve("new"));
      CatalogCopies rebuilt =
          new CatalogCopies(
              new RcloneBucket(settings, dir.resolve("new-private")),
              dir.resolve("new-scratch"),
              Clock.systemUTC());
      CatalogCopy latest = rebuilt.latest().orElseThrow();
      assertEquals(saved, latest, "the manifest describes the copy as it was made");
      assertEquals(
          "myapp/1",
          latest.clients().clients().get("relation-prod-myapp-1-5e6f").unit(),
          "a client's unit survives the server");
      assertTrue(latest.clients().isForgotten("forgotten-app"));
      assertEquals(List.of("myapp-1-backup.bsr"), latest.bootstraps());

      Path dump = rebuilt.fetch(latest, newServer);
      assertTrue(Files.readString(dump).contains("CREATE TABLE"), "the dump came down");
      assertEquals(
          "Volume=\"Vol-0001\"\n", Files.readString(newServer.resolve("myapp-1-backup.bsr")));
    }
  }
}
