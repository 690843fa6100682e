package io.backupcharms.server.apply;

import io.backupcharms.bacula.apply.ConfigRejectedException;
import io.backupcharms.bacula.apply.ConfigValidator;
import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.config.BaculaVersion;
import io.backupcharms.bacula.config.DirectorConfig;
import io.backupcharms.bacula.render.BaculaRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** Runs {@code bacula-dir -t} on a Director configuration that is not installed yet. */
final class CandidateCheck {

  private final ConfigValidator validator;
  private final Path live;
  private final BaculaVersion version;

  CandidateCheck(ConfigValidator validator, Path live, BaculaVersion version) {
    this.validator = validator;
    this.live = live;
    this.version = version;
  }

  /** The Director's complaint, or empty when it accepts the configuration. */
  Optional<String> problems(DirectorConfig config) {
    Path candidate = null;
    try {
      Files.createDirectories(live.getParent());
      // Owner-only: the candidate holds every password of the configuration.
      candidate =
          Files.createTempFile(
              live.getParent(), ".candidate-", ".conf",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(candidate, BaculaRenderer.render(config, version), StandardCharsets.UTF_8);
      validator.validate(Daemon.DIRECTOR, candidate, live);
      return Optional.empty();
    } catch (ConfigRejectedException e) {
      return Optional.of(lastLines(e.daemonOutput()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a candidate next to " + live, e);
    } finally {
      if (candidate != null) {
        try {
          Files.deleteIfExists(candidate);
        } catch (IOException e) {
          // A leftover owner-only candidate is harmless; the next run writes a new one.
        }
      }
    }
  }

  private static String lastLines(String output) {
    String[] lines = output.strip().split("\n");
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, lines.length - 2); i < lines.length; i++) {
      if (out.length() > 0) {
        out.append(" ");
      }
      out.append(lines[i].strip());
    }
    return out.toString();
  }
}
