package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import io.backupcharms.server.metrics.OffsiteState;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The s3 relation as the operator sees it after a hook: what it waits for, what is wrong. */
class OffMachineStateTest extends ServerStateTest {

  @Test
  void aProviderThatHasNotPublishedItsKeysIsWaitedForByName() {
    State out = ctx.run(ctx.on().install(), withS3(Map.of("bucket", "backups")));
    assertEquals(
        new WaitingStatus("waiting for the s3 provider to publish access-key, secret-key"),
        out.unitStatus());
    RelationState s3 = out.relation("s3").orElseThrow();
    assertEquals(
        "bacula-bacula-server",
        s3.localAppData().get("bucket"),
        "the requirer asks for a bucket, as the interface says");
  }

  @Test
  void valuesThatCannotWorkBlockNamingTheKeyAndNeverTheSecret() {
    Map<String, String> data = provider();
    data.put("endpoint", "ftp://s3.internal");
    State out = ctx.run(ctx.on().install(), withS3(data));
    assertTrue(out.unitStatus() instanceof BlockedStatus, out.unitStatus()::toString);
    String message = out.unitStatus().message();
    assertTrue(
        message.contains("endpoint \"ftp://s3.internal\" is not an http:// or https:// URL"),
        message);
    assertFalse(message.contains("sekrit-value"), message);
  }

  @Test
  void anUnreachableEndpointWaitsWithTheCopyPendingAndNoSecret() {
    Map<String, String> data = provider();
    data.put("endpoint", "http://127.0.0.1:9");
    State out = ctx.run(ctx.on().install(), withS3(data));
    assertTrue(out.unitStatus() instanceof WaitingStatus, out.unitStatus()::toString);
    String message = out.unitStatus().message();
    assertTrue(
        message.startsWith("copy pending: ")
            && message.contains("http://127.0.0.1:9 is unreachable"),
        message);
    assertFalse(message.contains("sekrit-value"), message);
  }

  @Test
  void theExporterIsToldEveryLocalVolumeIsPendingAndNoCopyEverSucceeded() throws Exception {
    Files.createDirectories(workload.layout().volumes());
    Files.writeString(workload.layout().volumes().resolve("Vol-0001"), "volume");
    Map<String, String> data = provider();
    data.put("endpoint", "http://127.0.0.1:9");
    ctx.run(ctx.on().install(), withS3(data));
    assertEquals(
        Optional.of(new OffsiteState(1, 0)),
        workload.offsite,
        "bacula_offsite_pending_volumes is 1, and the last copy's time 0 makes CopyPending fire");
    assertEquals(workload.layout().offsiteState().toString(), workload.metrics.offsiteStateFile());
  }

  @Test
  void withoutAnS3RelationTheExporterShowsNoCopyState() {
    ctx.run(ctx.on().install(), State.empty().withLeader(true));
    assertEquals(Optional.empty(), workload.offsite);
    assertEquals("", workload.metrics.offsiteStateFile());
  }

  private static Map<String, String> provider() {
    Map<String, String> data = new HashMap<>();
    data.put("bucket", "backups");
    data.put("access-key", "AKIDEXAMPLE");
    data.put("secret-key", "sekrit-value");
    return data;
  }

  private static State withS3(Map<String, String> providerApp) {
    return State.empty()
        .withLeader(true)
        .withRelation(RelationState.of("s3", 20, "s3-integrator").withRemoteAppData(providerApp));
  }
}
