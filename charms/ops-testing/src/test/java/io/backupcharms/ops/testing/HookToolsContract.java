package io.backupcharms.ops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.hooktools.HookTools;
import io.backupcharms.ops.hooktools.ModelError;
import io.backupcharms.ops.hooktools.RelationDataAccessError;
import io.backupcharms.ops.hooktools.RelationNotFoundError;
import io.backupcharms.ops.hooktools.SecretNotFoundError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HookTools} must answer for the same world: unit {@code demo/1} (not the
 * leader), config {@code path=/srv}, relation {@code backup:4} with application {@code myapp} whose
 * unit {@code myapp/0} has {@code k=v}, and no secrets. Run against the in-memory backend and
 * against the process backend with fake tools that print what Juju prints.
 */
abstract class HookToolsContract {
  /** The backend under test, answering for the world described above. */
  abstract HookTools tools();

  @Test
  void relationToolsDescribeTheRelation() {
    assertEquals(List.of("backup:4"), tools().relationIds("backup"));
    assertEquals(List.of("myapp/0"), tools().relationList(4));
    assertEquals(Optional.of("myapp"), tools().relationListApp(4));
    assertEquals(Map.of("k", "v"), tools().relationGet(4, "myapp/0", false));
  }

  @Test
  void configAndLeadership() {
    assertEquals("/srv", tools().configGet().get("path"));
    assertFalse(tools().isLeader());
  }

  @Test
  void anUnknownRelationIsRelationNotFoundError() {
    RelationNotFoundError e =
        assertThrows(RelationNotFoundError.class, () -> tools().relationGet(99, "myapp/0", false));
    assertEquals(2, e.exitCode());
    assertTrue(
        e.stderr().startsWith("ERROR invalid value \"99\" for flag -r: relation not found"),
        e.stderr());
  }

  @Test
  void aNonLeaderCannotWriteTheAppBag() {
    RelationDataAccessError e =
        assertThrows(
            RelationDataAccessError.class, () -> tools().relationSet(4, true, Map.of("k", "v")));
    assertTrue(e.stderr().contains("cannot write relation settings"), e.stderr());
  }

  @Test
  void aMissingSecretIsSecretNotFoundError() {
    assertThrows(
        SecretNotFoundError.class,
        () -> tools().secretGet("secret:cs000000000000000042", null, false, false));
  }

  @Test
  void actionToolsOutsideAnActionFail() {
    ModelError e = assertThrows(ModelError.class, () -> tools().actionLog("hello"));
    assertTrue(e.stderr().contains("not running an action"), e.stderr());
  }
}
