package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestorePlaceTest {
  private static final Instant NOW = Instant.parse("2026-12-03T17:15:00Z");

  @Test
  void aWorldWritableDirectoryIsReplacedByAFreshPrivateOne() {
    RestorePlace place = RestorePlace.of("/tmp/restore", NOW);
    assertTrue(
        place.where().matches("/var/lib/bacula-fd-charm/restores/20261203-171500-[0-9a-f]{8}"),
        place.where());
    assertEquals(Optional.of("/tmp/restore"), place.requested());
    assertTrue(place.note().orElseThrow().contains("instead of /tmp/restore"), place.note().get());
    assertNotEquals(
        place.where(), RestorePlace.of("/tmp/restore", NOW).where(), "each restore gets its own");
    for (String shared :
        new String[] {"/tmp", "/tmp/", "/var/tmp/x", "/dev/shm/a/b", "/var/crash/r"}) {
      assertTrue(RestorePlace.of(shared, NOW).requested().isPresent(), shared);
    }
  }

  @Test
  void inPlaceAndOtherDirectoriesAreKept() {
    for (String kept : new String[] {"/", "/srv/restore", "/tmpfoo", "/var/tmpx/y"}) {
      assertEquals(new RestorePlace(kept, Optional.empty()), RestorePlace.of(kept, NOW), kept);
    }
  }
}
