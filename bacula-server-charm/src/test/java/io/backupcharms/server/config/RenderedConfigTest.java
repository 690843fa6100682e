package io.backupcharms.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.apply.ConfigValidator;
import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.render.BaculaRenderer;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.RunScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered files are what Bacula's own parsers accept. */
class RenderedConfigTest {

  @TempDir Path dir;

  @Test
  void bothDaemonsAcceptTheRenderedFiles() throws Exception {
    BaculaPlan plan =
        PlanBuilderTest.builder()
            .build(List.of(PlanBuilderTest.scheduled(), PlanBuilderTest.manual()));
    // bacula-dir -t opens the catalog: give it its own, away from the machine's.
    CatalogSetup.createSqlite(dir, "bacula");
    DirectorConfig director =
        plan.director()
            .withDirector(plan.director().director().withWorkingDirectory(dir.toString()));
    Path dirConf = dir.resolve("bacula-dir.conf");
    Path sdConf = dir.resolve("bacula-sd.conf");
    Files.writeString(dirConf, BaculaRenderer.render(director));
    Files.writeString(sdConf, BaculaRenderer.render(plan.storage()));

    ConfigValidator validator = new ConfigValidator();
    validator.validate(Daemon.DIRECTOR, dirConf, dirConf);
    validator.validate(Daemon.STORAGE, sdConf, sdConf);

    String text = Files.readString(dirConf);
    assertTrue(text.contains("relation-m-myapp-0-abc-schedule"), text);
    assertTrue(text.contains("Level=Full sun at 01:00"), text);
  }

  @Test
  void aClientWhoseJobNamesWouldBeTooLongIsRefusedAlone() {
    String name = "x".repeat(120) + "-fd";
    ClientSpec longName =
        new ClientSpec(
            name, "bacula-fd/9", 3, "127.0.1.9", 9102, List.of("/srv"), RunScripts.NONE, List.of());
    PlanAssembly assembly =
        PlanBuilderTest.builder().assemble(List.of(longName, PlanBuilderTest.manual()));
    assertEquals(
        List.of(longName), assembly.refused().stream().map(PlanAssembly.Refusal::client).toList());
    String reason = assembly.refused().get(0).reason();
    assertTrue(reason.contains("is not a valid Bacula name"), reason);
    assertEquals(
        List.of(PlanBuilderTest.manual()), assembly.accepted(), "the other client is kept");
    assertTrue(
        assembly.plan().director().clients().stream()
            .anyMatch(c -> c.name().equals(PlanBuilderTest.manual().clientResource())),
        "and is in the plan");
    assertTrue(assembly.plan().director().clients().stream().noneMatch(c -> c.name().equals(name)));
  }
}
