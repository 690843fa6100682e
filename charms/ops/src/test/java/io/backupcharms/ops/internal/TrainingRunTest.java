package io.backupcharms.ops.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.ops.ActiveStatus;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.model.Relation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaging tool's training run: representative hooks, fake tools, nothing left behind. */
class TrainingRunTest {
  @TempDir Path charmSource;

  @AfterEach
  void clearProperty() {
    System.clearProperty("ops.training.charmDir");
  }

  @Test
  void runsRepresentativeHooksAgainstFakeToolsAndLeavesNothingBehind() throws IOException {
    Files.writeString(
        charmSource.resolve("metadata.yaml"),
        "name: trainee\nrequires:\n  db:\n    interface: x\n");
    Files.writeString(
        charmSource.resolve("config.yaml"), "options:\n  opt:\n    type: string\n    default: d\n");
    System.setProperty("ops.training.charmDir", charmSource.toString());
    List<String> seen = new ArrayList<>();
    boolean[] training = {true};
    int code =
        TrainingRun.run(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        HookEvent.class,
                        e -> {
                          training[0] &= fw.isTraining();
                          StringBuilder line = new StringBuilder(e.getClass().getSimpleName());
                          line.append(" opt=")
                              .append(fw.model().config().getString("opt").orElse("?"));
                          for (Relation r : fw.model().relations("db")) {
                            line.append(" ")
                                .append(r)
                                .append(" leader=")
                                .append(fw.model().unit().isLeader());
                            r.localAppData().set("k", "v");
                          }
                          seen.add(line.toString());
                        });
                    fw.observe(
                        CollectStatusEvent.class, e -> e.addStatus(new ActiveStatus("trained")));
                  }
                });
    assertEquals(0, code);
    assertTrue(training[0], "handlers must see isTraining() == true");
    assertEquals(
        List.of(
            "ConfigChangedEvent opt=d db:1 leader=true",
            "RelationChangedEvent opt=d db:1 leader=true",
            "UpdateStatusEvent opt=d db:1 leader=true"),
        seen);
    try (Stream<Path> files = Files.list(charmSource)) {
      assertEquals(
          List.of("config.yaml", "metadata.yaml"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aFailingHandlerDoesNotFailTheTrainingRun() {
    System.setProperty("ops.training.charmDir", charmSource.toString());
    int code =
        TrainingRun.run(
            fw ->
                new CharmBase(fw) {
                  {
                    fw.observe(
                        HookEvent.class,
                        e -> {
                          throw new IllegalStateException("needs a real machine");
                        });
                  }
                });
    assertEquals(0, code);
  }
}
