package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.SecretState;
import io.backupcharms.ops.testing.State;
import io.backupcharms.schema.UnitPasswords;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security L5, rotation: after rotate-passwords the Director keeps the password a File Daemon holds
 * until the unit says it applied the new one, then switches and drops the old one.
 */
class PasswordRotationStateTest extends ServerStateTest {
  private static final String FD0 = CharmStateTest.FD0;

  private static RelationState related(String applied) {
    Map<String, String> unit0 = CharmStateTest.fdBag(FD0, "10.1.1.5");
    unit0.put("password-scope", "unit");
    if (!applied.isEmpty()) {
      unit0.put("password-applied", applied);
    }
    return CharmStateTest.fdRelation(7, "bacula-fd", Map.of("bacula-fd/0", unit0));
  }

  @Test
  void theDirectorSwitchesToTheNewPasswordOnlyOnceTheUnitAppliedItAndThenForgetsTheOldOne() {
    State first =
        ctx.run(
            ctx.on().relationChanged(related(""), "bacula-fd/0"),
            State.empty().withLeader(true).withRelation(related("")));
    SecretState own = first.secret("fd-7-bacula-fd-0").orElseThrow();
    String old = own.content().get("password");
    assertTrue(
        workload.directorConfig().contains("Password = \"" + old + "\""),
        workload.directorConfig());

    // What rotate-passwords leaves in the unit's secret.
    Map<String, String> rotated = new HashMap<>(own.content());
    rotated.put("previous-password", old);
    rotated.put("password", "new-password-0123456789abcdef0123456789");
    RelationState notYet = related(UnitPasswords.fingerprint(old));
    State waiting =
        ctx.run(
            ctx.on().relationChanged(notYet, "bacula-fd/0"),
            first.withSecret(own.withNewRevision(rotated)).withRelation(notYet));
    String conf = workload.directorConfig();
    assertTrue(
        conf.contains("Password = \"" + old + "\""),
        "the File Daemon still holds the old password");
    assertFalse(conf.contains("new-password-0123456789abcdef0123456789"));
    assertEquals(
        old, waiting.secret("fd-7-bacula-fd-0").orElseThrow().content().get("previous-password"));

    RelationState applied =
        related(UnitPasswords.fingerprint("new-password-0123456789abcdef0123456789"));
    State done =
        ctx.run(ctx.on().relationChanged(applied, "bacula-fd/0"), waiting.withRelation(applied));
    conf = workload.directorConfig();
    assertTrue(conf.contains("Password = \"new-password-0123456789abcdef0123456789\""), conf);
    assertFalse(conf.contains(old), "the old password opens nothing any more");
    assertFalse(
        done.secret("fd-7-bacula-fd-0").orElseThrow().content().containsKey("previous-password"),
        "and is kept nowhere");
  }
}
