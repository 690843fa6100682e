package io.backupcharms.localjuju.charm;

import io.backupcharms.localjuju.files.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Replaces the charm in a unit's charm directory as Juju's uniter does on {@code refresh} (its
 * manifest deployer): the new charm's files are written over the old ones, and only the paths the
 * old charm shipped and the new one does not are deleted. Files the charm wrote itself, such as its
 * stored state, stay, so an upgraded charm starts from the state the old one left.
 */
public final class CharmRedeploy {
  private CharmRedeploy() {}

  /** The charm's manifest: every file, link and directory under {@code charmDir}, relative. */
  public static Set<String> manifest(Path charmDir) throws IOException {
    Set<String> paths = new TreeSet<>();
    try (Stream<Path> all = Files.walk(charmDir)) {
      all.filter(p -> !p.equals(charmDir))
          .forEach(p -> paths.add(charmDir.relativize(p).toString()));
    }
    return paths;
  }

  /**
   * Writes {@code newCharm} (a charm directory) into {@code unitCharm}, deleting first the paths of
   * {@code oldManifest} that {@code newCharm} lacks.
   */
  public static void redeploy(Set<String> oldManifest, Path newCharm, Path unitCharm)
      throws IOException {
    Set<String> gone = new TreeSet<>(oldManifest);
    gone.removeAll(manifest(newCharm));
    for (String path : gone) {
      Path target = unitCharm.resolve(path).normalize();
      if (target.startsWith(unitCharm)) {
        Trees.delete(target);
      }
    }
    CharmUnpacker.unpack(newCharm, unitCharm);
  }
}
