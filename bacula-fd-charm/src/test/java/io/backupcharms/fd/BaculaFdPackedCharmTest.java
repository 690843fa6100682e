package io.backupcharms.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backupcharms.pack.PackedCharm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built bacula-fd .charm holds what juju deploy and dispatch need, as charmcraft.yaml says. */
class BaculaFdPackedCharmTest {
  private static final Path PROJECT = Path.of(System.getProperty("charm.project.dir", "."));

  @Test
  void theArchiveMatchesCharmcraftYaml() {
    // A subordinate joins only principals that share one of its bases: one archive per LTS.
    assertEquals(
        List.of(List.of("ubuntu@22.04"), List.of("ubuntu@24.04")),
        PackedCharm.builtArchives(PROJECT).stream().map(a -> PackedCharm.open(a).bases()).toList());
    for (Path archive : PackedCharm.builtArchives(PROJECT)) {
      PackedCharm charm = PackedCharm.open(archive);
      assertEquals(List.of(), charm.problemsAgainst(PROJECT.resolve("charmcraft.yaml")));
      assertEquals("io.backupcharms.fd.BaculaFdCharm", charm.mainClass());
      Map<String, Object> metadata = charm.yaml("metadata.yaml");
      assertEquals(Boolean.TRUE, metadata.get("subordinate"));
    }
  }
}
