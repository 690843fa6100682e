package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The version of an installed Bacula daemon, as its binary reports it, with a stamp of that binary
 * so a charm can keep the answer between hooks and ask again only when the file changed.
 *
 * <p>The daemon's own {@code -?} is asked rather than dpkg: it is the binary that parses the
 * configuration that matters, whatever installed it, and {@code dpkg-query -W} still prints the
 * version of a package that was removed but not purged. The stamp (size, modification time, file
 * identity) changes whenever a package upgrade or a reinstall replaces the binary, and reading it
 * runs no process.
 *
 * @param version what the daemon reported
 * @param stamp the binary's size, modification time and file key when it was asked
 */
public record InstalledVersion(BaculaVersion version, String stamp) {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  public InstalledVersion {
    if (version == null || stamp == null || stamp.isBlank() || stamp.contains(" ")) {
      throw new BaculaException("an installed version needs a version and a stamp without spaces");
    }
  }

  /**
   * {@code known} when it was read from this very binary, else what the binary says now.
   *
   * @throws BaculaException when the binary is missing, or prints no version
   */
  public static InstalledVersion detect(Path binary, Optional<InstalledVersion> known) {
    String now = stamp(binary);
    if (known.isPresent() && known.get().stamp().equals(now)) {
      return known.get();
    }
    return new InstalledVersion(ask(binary), now);
  }

  /**
   * Runs {@code binary -?} in the C locale (the usage text is translated otherwise) and reads its
   * {@code Version:} line. The daemon prints its usage and exits 1 without reading any
   * configuration.
   *
   * @throws BaculaException when it cannot run or prints no version
   */
  public static BaculaVersion ask(Path binary) {
    CommandResult r =
        Command.of(List.of(binary.toString(), "-?"), TIMEOUT)
            .withEnv(Map.of("LC_ALL", "C", "LANG", "C"))
            .run()
            .requireExited();
    try {
      return BaculaVersion.fromUsage(r.output());
    } catch (BaculaException e) {
      throw new BaculaException(
          binary + " -? exited with " + r.exitCode() + ": " + e.getMessage(), e);
    }
  }

  /** A one-word fingerprint of the file: it changes when the file is replaced. */
  static String stamp(Path binary) {
    try {
      BasicFileAttributes a = Files.readAttributes(binary, BasicFileAttributes.class);
      Object key = a.fileKey();
      return a.size()
          + "/"
          + a.lastModifiedTime().toMillis()
          + "/"
          + (key == null ? "-" : key.toString().replace(' ', '_'));
    } catch (NoSuchFileException e) {
      throw new BaculaException(binary + " is missing", e);
    } catch (IOException e) {
      throw new BaculaException("cannot read " + binary + " (" + e.getMessage() + ")", e);
    }
  }

  /** The text to keep between hooks: {@code 13.0.3 <stamp>}. */
  public String encode() {
    return version + " " + stamp;
  }

  /**
   * Reads what {@link #encode()} wrote; empty for anything else (then the binary is asked again).
   */
  public static Optional<InstalledVersion> decode(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split(" ");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new InstalledVersion(BaculaVersion.parse(parts[0]), parts[1]));
    } catch (BaculaException e) {
      return Optional.empty();
    }
  }
}
