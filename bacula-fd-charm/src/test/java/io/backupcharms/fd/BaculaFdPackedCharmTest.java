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
    for (Path archive : PackedCharm.builtArchives(PROJECT)) {
      PackedCharm charm = PackedCharm.open(archive);
      assertEquals(List.of(), charm.problemsAgainst(PROJECT.resolve("charmcraft.yaml")));
      assertEquals("io.backupcharms.fd.BaculaFdCharm", charm.mainClass());
      Map<String, Object> metadata = charm.yaml("metadata.yaml");
      assertEquals(Boolean.TRUE, metadata.get("subordinate"));
    }
  }
}
