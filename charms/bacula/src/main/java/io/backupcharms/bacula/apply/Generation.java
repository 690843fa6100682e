package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.config.Messages;
import io.backupcharms.bacula.render.BaculaRenderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A mark of which configuration a Director runs: an empty Messages resource named after a hash of
 * the rest of the file, which the running Director lists with {@code .msgs}. Comparing Jobs and
 * Clients after a reload misses a reload the Director ignored (it keeps at most 32 configurations
 * in memory and refuses new reloads while old ones are in use) when only, say, a retention or a
 * password changed; the mark changes with any byte of the file.
 */
public final class Generation {

  /** The mark's name prefix; no other resource may start with it. */
  public static final String PREFIX = "charm-generation-";

  private Generation() {}

  /** {@code config} with its mark, replacing any earlier one. */
  public static DirectorConfig marked(DirectorConfig config) {
    DirectorConfig bare = unmarked(config);
    return bare.withMessages(new Messages(name(bare), List.of()));
  }

  /** The mark of a marked configuration, or {@code ""} when it has none. */
  public static String of(DirectorConfig config) {
    return config.messages().stream()
        .map(Messages::name)
        .filter(n -> n.startsWith(PREFIX))
        .findFirst()
        .orElse("");
  }

  private static DirectorConfig unmarked(DirectorConfig c) {
    return new DirectorConfig(
        c.director(),
        c.catalogs(),
        c.messages().stream().filter(m -> !m.name().startsWith(PREFIX)).toList(),
        c.storages(),
        c.pools(),
        c.clients(),
        c.fileSets(),
        c.schedules(),
        c.jobDefs(),
        c.jobs(),
        c.consoles());
  }

  private static String name(DirectorConfig bare) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(BaculaRenderer.render(bare).getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
