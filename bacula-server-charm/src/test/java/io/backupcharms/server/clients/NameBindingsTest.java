package io.backupcharms.server.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameBindingsTest {

  @Test
  void theStoredFormSurvivesARoundTripAndDropsUnreadableEntries() {
    NameBindings b = NameBindings.parse("b-x=app-b,a-y=app-a,,junk,=nokey,novalue=");
    assertEquals(Map.of("a-y", "app-a", "b-x", "app-b"), b.owners());
    assertEquals("a-y=app-a,b-x=app-b", b.serialize());
    assertEquals(b, NameBindings.parse(b.serialize()));
    assertEquals("", NameBindings.NONE.serialize());
  }

  @Test
  void aClientIsBoundToItsUnitOnceAndForgottenOnRequest() {
    Map<String, String> bag = ClientsTest.goodBag("relation-m-myapp-0-abc-fd");
    Clients first = Clients.read(List.of(new FdUnitBag(1, "bacula-fd/0", bag)));
    NameBindings bound = NameBindings.NONE.withClients(first.ready());
    assertEquals(Optional.of("bacula-fd/0"), bound.ownerOf("relation-m-myapp-0-abc"));

    Clients rogue = Clients.read(List.of(new FdUnitBag(2, "rogue/0", bag)), bound);
    assertTrue(rogue.ready().isEmpty());
    String problem = rogue.rejected().get(0).problems().get(0);
    assertTrue(
        problem.startsWith("name \"relation-m-myapp-0-abc-fd\" belongs to bacula-fd/0"), problem);
    Clients sibling = Clients.read(List.of(new FdUnitBag(1, "bacula-fd/3", bag)), bound);
    assertTrue(
        sibling.ready().isEmpty(), "a sibling of the same application cannot take it either");

    NameBindings forgotten = bound.without("relation-m-myapp-0-abc");
    assertEquals(
        1, Clients.read(List.of(new FdUnitBag(2, "rogue/0", bag)), forgotten).ready().size());
  }

  @Test
  void anOlderServersApplicationBindingAdmitsItsUnitsAndNarrowsToTheFirstAccepted() {
    Map<String, String> bag = ClientsTest.goodBag("relation-m-myapp-0-abc-fd");
    NameBindings legacy = NameBindings.parse("relation-m-myapp-0-abc=bacula-fd");
    Clients accepted = Clients.read(List.of(new FdUnitBag(1, "bacula-fd/0", bag)), legacy);
    assertEquals(1, accepted.ready().size());
    assertEquals(
        Optional.of("bacula-fd/0"),
        legacy.withClients(accepted.ready()).ownerOf("relation-m-myapp-0-abc"));
    assertTrue(Clients.read(List.of(new FdUnitBag(2, "rogue/0", bag)), legacy).ready().isEmpty());
  }

  @Test
  void theNamesOfAnApplicationNoLongerRelatedArePrunedTheOthersStay() {
    NameBindings b = NameBindings.parse("a-0=bacula-fd/0,b-0=other-fd/2,c-0=legacy-fd");
    assertEquals(b, b.ofRelated(Set.of("bacula-fd", "other-fd", "legacy-fd")));
    assertEquals(NameBindings.parse("b-0=other-fd/2"), b.ofRelated(Set.of("other-fd")));
    assertEquals(NameBindings.NONE, b.ofRelated(Set.of()));
  }
}
