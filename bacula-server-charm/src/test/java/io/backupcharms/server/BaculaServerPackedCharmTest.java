package io.backupcharms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backupcharms.pack.PackedCharm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The .charm that {@code mvn package} built is what {@code juju deploy} accepts. */
class BaculaServerPackedCharmTest {

  private static Path projectDir() {
    return Path.of(System.getProperty("charm.project.dir", "."));
  }

  @Test
  void theArchiveMatchesCharmcraftYaml() throws Exception {
    List<Path> built = PackedCharm.builtArchives(projectDir());
    assertEquals(
        List.of(List.of("ubuntu@22.04"), List.of("ubuntu@24.04")),
        built.stream().map(a -> PackedCharm.open(a).bases()).toList());
    for (Path archive : built) {
      assertEquals(
          List.of(),
          PackedCharm.open(archive).problemsAgainst(projectDir().resolve("charmcraft.yaml")),
          archive.toString());
    }
    PackedCharm charm = PackedCharm.open(built.get(0));
    @SuppressWarnings("unchecked")
    Map<String, Object> provides =
        (Map<String, Object>) charm.yaml("metadata.yaml").get("provides");
    assertEquals(Map.of("interface", "bacula_dir"), provides.get("bacula-dir"));
  }
}
