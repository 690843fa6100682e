package io.backupcharms.server.actions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a restore's files land on the target machine. The File Daemon runs as root and follows
 * symbolic links on its way down {@code where}, so a directory any user can write to (the
 * documented {@code /tmp/restore}) would let a planted link send root-owned files anywhere. Such a
 * request restores instead into a fresh directory under bacula-fd's root-only {@link
 * #PRIVATE_ROOT}, whose parents no other user can change.
 *
 * @param where the directory the files land under
 * @param requested the operator's {@code where}, when it was replaced
 */
public record RestorePlace(String where, Optional<String> requested) {
  /** Made by bacula-fd, mode 0700, under /var/lib which only root may write. */
  public static final String PRIVATE_ROOT = "/var/lib/bacula-fd-charm/restores";

  /** Directories that are world-writable on every Ubuntu machine. */
  static final List<String> SHARED =
      List.of(
          "/tmp",
          "/var/tmp",
          "/dev/shm",
          "/run/shm",
          "/run/lock",
          "/var/lock",
          "/var/crash",
          "/var/metrics");

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** The place for {@code where}, as of {@code now}. */
  public static RestorePlace of(String where, Instant now) {
    String trimmed = where.replaceAll("/+$", "");
    boolean shared =
        SHARED.stream().anyMatch(s -> trimmed.equals(s) || trimmed.startsWith(s + "/"));
    if (!shared) {
      return new RestorePlace(where, Optional.empty());
    }
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    String fresh = PRIVATE_ROOT + "/" + STAMP.format(now) + "-" + HexFormat.of().formatHex(random);
    return new RestorePlace(fresh, Optional.of(where));
  }

  /** For the action's log: why the files are not where the operator asked. */
  public Optional<String> note() {
    return requested.map(
        r ->
            "restoring into the private directory "
                + where
                + " instead of "
                + r
                + ", which any user on the machine can write to (a planted symbolic link there"
                + " could send the files anywhere)");
  }
}
