package io.backupcharms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitPasswordsTest {

  private static final String ID0 = "secret:csomn7nl2hpc77mi4i80";

  @Test
  void eachUnitFindsItsOwnSecretAndAnOlderServerNone() {
    Map<String, String> bag =
        Map.of(
            UnitPasswords.KEY,
            UnitPasswords.encode(
                Map.of("myapp-fd/1", "secret:csomn7nl2hpc77mi4i8g", "myapp-fd/0", ID0)));
    assertTrue(
        bag.get(UnitPasswords.KEY).startsWith("{\"myapp-fd/0\""),
        "sorted, so unchanged is unchanged");
    assertEquals(Optional.of(ID0), UnitPasswords.forUnit(bag, "myapp-fd/0"));
    assertEquals(Optional.empty(), UnitPasswords.forUnit(bag, "myapp-fd/7"));
    assertEquals(Optional.empty(), UnitPasswords.forUnit(Map.of(), "myapp-fd/0"));
    assertEquals("", UnitPasswords.encode(Map.of()), "an empty set removes the key");
  }

  @Test
  void aMalformedValueNamesTheKeyAndNeverRepeatsIt() {
    InvalidDatabagException notJson =
        assertThrows(
            InvalidDatabagException.class,
            () -> UnitPasswords.forUnit(Map.of(UnitPasswords.KEY, "hunter2"), "myapp-fd/0"));
    assertEquals(UnitPasswords.KEY, notJson.errors().get(0).key());
    assertFalse(notJson.getMessage().contains("hunter2"));
    InvalidDatabagException plain =
        assertThrows(
            InvalidDatabagException.class,
            () ->
                UnitPasswords.forUnit(
                    Map.of(UnitPasswords.KEY, "{\"myapp-fd/0\":\"hunter2\"}"), "myapp-fd/0"));
    assertFalse(plain.getMessage().contains("hunter2"), plain.getMessage());
  }

  @Test
  void onlyTheWordUnitSwitchesAFileDaemonToItsOwnPassword() {
    assertTrue(UnitPasswords.usesUnitPassword(Map.of(UnitPasswords.SCOPE_KEY, "unit")));
    assertFalse(UnitPasswords.usesUnitPassword(Map.of(UnitPasswords.SCOPE_KEY, "relation")));
    assertFalse(UnitPasswords.usesUnitPassword(Map.of()));
  }
}
