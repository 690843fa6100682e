package io.backupcharms.localjuju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing a model or a unit deletes every file its machines and hooks wrote, whatever the bytes of
 * the names, without following symlinks out of the model.
 */
class DestroyModelTest {
  @TempDir Path tmp;

  /** Makes, in the current directory and in /srv, a Latin-1 name and links to {@code outside}. */
  private static String awkward(Path outside) {
    return "touch \"$(printf 'x-\\351\\377-not-utf8')\" \"$(printf '/srv/x-\\351\\377-not-utf8')\""
        + " && ln -s "
        + outside
        + " link-out && ln -s "
        + outside
        + " /srv/link-out"
        + " && ln -s "
        + outside.resolve("keep.txt")
        + " /srv/file-link-out";
  }

  @Test
  void oddNamesAndOutwardSymlinksNeitherSurviveNorLeak() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path keep = Files.writeString(outside.resolve("keep.txt"), "mine\n");
    Path charm =
        Charms.zip(tmp, "odd", Map.of("metadata.yaml", "name: odd\n", "dispatch", Charms.RECORDER));
    Path modelDir = tmp.resolve("models").resolve("odd-names");
    try (Cli cli = new Cli(tmp, "odd-names")) {
      cli.run("deploy", charm.toString(), "-n", "2").ok();
      cli.settle();
      cli.run("exec", "--unit", "odd/0", "--", awkward(outside)).ok();
      cli.run("exec", "--unit", "odd/1", "--", awkward(outside)).ok();
      assertEquals(
          1, oddNames(modelDir.resolve("machines/0/upper/srv")), "the machine wrote the raw bytes");
      assertEquals(1, oddNames(modelDir.resolve("units/odd-1/charm")));

      cli.run("remove-unit", "odd/1").ok();
      cli.settle();
      assertFalse(
          Files.exists(modelDir.resolve("units/odd-1")), "the removed unit's directory is gone");
      assertEquals("mine\n", Files.readString(keep));
    }
    assertFalse(Files.exists(modelDir), "destroy-model left " + modelDir);
    assertEquals("mine\n", Files.readString(keep), "a symlink's target outside the model survives");
    assertTrue(Files.isDirectory(outside));
  }

  /** Entries of {@code dir} whose name holds bytes 0xE9 0xFF (seen by Java as two U+FFFD). */
  private static long oddNames(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("x-\uFFFD\uFFFD")).count();
    }
  }
}
