package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.model.Port;
import io.backupcharms.ops.testing.RelationState;
import io.backupcharms.ops.testing.State;
import io.backupcharms.server.metrics.ExporterConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the charm tells the metrics exporter, and that only the leader runs it. */
class MetricsStateTest extends ServerStateTest {

  static final String MYAPP0 = ClientIdentityStateTest.MYAPP0;

  @Test
  void theLeaderServesEachClientWithItsUnitAndScheduleOnAnOpenedPort() {
    RelationState fd = CharmStateTest.fdRelation(3, "bacula-fd",
        Map.of("bacula-fd/0", CharmStateTest.fdBag(MYAPP0, "10.1.1.5")));
    State out = ctx.run(ctx.on().relationChanged(fd, "bacula-fd/0"),
        State.empty().withLeader(true).withRelation(fd).withConfig(Map.of("min-free-space", "3G")));
    ExporterConfig config = workload.metrics;
    assertEquals(ExporterConfig.DEFAULT_PORT, config.port());
    assertEquals(3L << 30, config.minFreeBytes());
    assertEquals(1, config.clients().size(), config.toString());
    ExporterConfig.ClientLabels client = config.clients().get(0);
    assertEquals("myapp/0", client.unit(), "labelled by the unit an operator knows");
    assertEquals(MYAPP0, client.name());
    assertEquals(86_400, client.periodSeconds(), "Full on Sundays, Incrementals the other days");
    assertTrue(out.openedPorts().contains(Port.tcp(ExporterConfig.DEFAULT_PORT)), out.openedPorts().toString());
    assertTrue(config.toJson().contains("\"period-seconds\" : 86400"), config.toJson());
  }

  @Test
  void aUnitThatIsNotTheLeaderStopsTheExporter() {
    State led = ctx.run(ctx.on().updateStatus(), State.empty().withLeader(true));
    assertTrue(workload.metrics != null, "the leader serves metrics even with no client yet");
    ctx.run(ctx.on().updateStatus(), led.withLeader(false));
    assertNull(workload.metrics, "a unit that lost leadership stops it");
  }
}
