package io.backupcharms.server.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientHistoryTest {

  static final FdNames NAMES = new FdNames("prod", "3f2a9c1e-0000-4000-8000-1a2b3c4d5e6f");

  static ClientSpec client(String name, String unit, String address) {
    return new ClientSpec(
        name, unit, 3, address, 9102, List.of("/srv"), RunScripts.NONE, List.of());
  }

  final ClientSpec myapp0 =
      client("relation-prod-myapp-0-1a2b3c4d5e6f-fd", "bacula-fd/0", "10.0.0.5");
  final ClientSpec custom = client("custom-fd", "bacula-fd/1", "10.0.0.6");

  @Test
  void aReadyClientIsRememberedWithTheUnitItStandsFor() {
    ClientHistory h = ClientHistory.EMPTY.withClients(List.of(myapp0, custom), NAMES);
    KnownClient k = h.clients().get("relation-prod-myapp-0-1a2b3c4d5e6f");
    assertEquals("myapp/0", k.unit());
    assertEquals("myapp", k.application());
    assertEquals(
        "bacula-fd/1", h.clients().get("custom").unit(), "a custom name stands for its sender");
  }

  @Test
  void theStoredFormReadsBackTheSame() {
    ClientHistory h =
        ClientHistory.EMPTY.withClients(List.of(myapp0, custom), NAMES).without("custom");
    assertEquals(h, ClientHistory.parse(h.serialize()));
    assertEquals(
        "relation-prod-myapp-0-1a2b3c4d5e6f-fd|myapp/0|bacula-fd/0|10.0.0.5|9102,!custom",
        h.serialize());
  }

  @Test
  void aNameSentByAnotherFileDaemonApplicationRemembersTheEarlierSenderThroughLaterHooks() {
    ClientSpec other = client(myapp0.name(), "other-fd/0", "10.0.0.9");
    ClientSpec sibling = client(myapp0.name(), "other-fd/1", "10.0.0.9");
    ClientHistory h =
        ClientHistory.EMPTY
            .withClients(List.of(myapp0), NAMES)
            .withClients(List.of(other), NAMES)
            .withClients(List.of(sibling), NAMES);
    KnownClient k = h.clients().get(myapp0.stem());
    assertEquals("bacula-fd/0", k.previousFdUnit());
    assertEquals("other-fd/1", k.fdUnit());
    assertEquals(h, ClientHistory.parse(h.serialize()));
    assertTrue(h.serialize().endsWith("|10.0.0.9|9102|bacula-fd/0"), h.serialize());
    assertFalse(
        ClientHistory.EMPTY
            .withClients(List.of(myapp0), NAMES)
            .withClients(List.of(client(myapp0.name(), "bacula-fd/3", "10.0.0.7")), NAMES)
            .clients()
            .get(myapp0.stem())
            .changedApplication(),
        "a sibling of the same application");
  }

  @Test
  void unreadableEntriesAreDropped() {
    ClientHistory h =
        ClientHistory.parse(
            "x|y|z,relation-a-fd|a/0|f/0|10.0.0.1|99999999,,"
                + "old-fd|a/1|h|9102,good-fd|a/1|f/1|h|9102");
    assertEquals(List.of("good"), List.copyOf(h.clients().keySet()));
  }

  @Test
  void theClientsNotReadyAreTheGoneOnes() {
    ClientHistory h = ClientHistory.EMPTY.withClients(List.of(myapp0, custom), NAMES);
    assertEquals(
        List.of("custom-fd"), h.notIn(List.of(myapp0)).stream().map(KnownClient::name).toList());
  }

  @Test
  void aForgottenNameComesBackWhenAUnitPublishesItAgain() {
    ClientHistory forgotten =
        ClientHistory.EMPTY.withClients(List.of(custom), NAMES).without("custom");
    assertTrue(forgotten.isForgotten("custom"));
    assertTrue(forgotten.clients().isEmpty());
    ClientHistory back = forgotten.withClients(List.of(custom), NAMES);
    assertFalse(back.isForgotten("custom"));
    assertEquals(1, back.clients().size());
  }

  @Test
  void aRecoveredHistoryAddsTheLostServersClientsWithoutOverridingThisOnes() {
    ClientSpec moved = client("custom-fd", "bacula-fd/7", "10.0.0.9");
    ClientHistory lost =
        ClientHistory.EMPTY.withClients(List.of(myapp0, custom), NAMES).without("gone");
    ClientHistory now = ClientHistory.EMPTY.withClients(List.of(moved), NAMES);
    ClientHistory merged = now.withRecovered(lost);
    assertEquals(
        "myapp/0",
        merged.clients().get("relation-prod-myapp-0-1a2b3c4d5e6f").unit(),
        "a unit gone before the server was lost is known again by its old unit");
    assertEquals("bacula-fd/7", merged.clients().get("custom").unit(), "what this server saw wins");
    assertTrue(merged.isForgotten("gone"));
    ClientHistory forgottenHere =
        ClientHistory.EMPTY
            .withClients(List.of(myapp0), NAMES)
            .without("relation-prod-myapp-0-1a2b3c4d5e6f");
    ClientHistory kept = forgottenHere.withRecovered(lost);
    assertFalse(
        kept.clients().containsKey("relation-prod-myapp-0-1a2b3c4d5e6f"),
        "a client the operator forgot here stays forgotten");
    assertTrue(kept.clients().containsKey("custom"));
  }
}
