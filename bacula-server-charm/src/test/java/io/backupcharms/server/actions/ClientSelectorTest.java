package io.backupcharms.server.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.RunScripts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientSelectorTest {

  static final String UUID = "3f2a9c1e-0000-4000-8000-1a2b3c4d5e6f";

  static ClientSpec client(String name, String unit) {
    return new ClientSpec(
        name, unit, 3, "127.0.1.5", 9102, List.of("/srv"), RunScripts.NONE, List.of());
  }

  final ClientSpec myapp0 = client("relation-prod-myapp-0-1a2b3c4d5e6f-fd", "bacula-fd/0");
  final ClientSpec app0 = client("relation-prod-app-0-1a2b3c4d5e6f-fd", "bacula-fd/1");
  final ClientSpec webDb = client("relation-prod-web-db-12-1a2b3c4d5e6f-fd", "bacula-fd/2");
  final ClientSelector selector = new ClientSelector(List.of(myapp0, app0, webDb), "prod", UUID);

  @Test
  void aUnitOfTheBackedUpApplicationSelectsItsClient() {
    assertEquals(myapp0, selector.select("myapp/0"));
    assertEquals(app0, selector.select("app/0"));
    assertEquals(webDb, selector.select("web-db/12"));
  }

  @Test
  void theBaculaNameAndTheFdUnitAlsoWork() {
    assertEquals(app0, selector.select("relation-prod-app-0-1a2b3c4d5e6f-fd"));
    assertEquals(app0, selector.select("bacula-fd/1"));
  }

  @Test
  void anUnknownClientListsTheKnownOnes() {
    var e = assertThrows(InvalidParamsException.class, () -> selector.select("nope/3"));
    assertTrue(
        e.getMessage().startsWith("unknown client \"nope/3\"; known clients: myapp/0 ("),
        e.getMessage());
    assertTrue(e.getMessage().contains("web-db/12"));
  }

  @Test
  void principalUnitIsRecoveredFromTheName() {
    assertEquals(Optional.of("web-db/12"), selector.principalUnit(webDb));
    assertEquals(Optional.empty(), selector.principalUnit(client("custom-fd", "u/0")));
  }

  @Test
  void aNameFromAnotherModelOrOfTheSendersOwnApplicationIsNotBelieved() {
    ClientSpec otherModel = client("relation-other-myapp-0-1a2b3c4d5e6f-fd", "rogue/0");
    ClientSpec sibling = client("relation-prod-rogue-1-1a2b3c4d5e6f-fd", "rogue/0");
    ClientSelector s = new ClientSelector(List.of(otherModel, sibling), "prod", UUID);
    assertEquals(Optional.empty(), s.principalUnit(otherModel));
    assertEquals(Optional.empty(), s.principalUnit(sibling));
    assertEquals("rogue/0", s.attributedUnit(sibling));
    assertThrows(InvalidParamsException.class, () -> s.select("myapp/0"));
    assertThrows(InvalidParamsException.class, () -> s.select("rogue/1"));
  }
}
