package io.backupcharms.server.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The off-machine copy as the last hook left it. Each hook rewrites it and the exporter reads it at
 * each scrape, apart from {@link ExporterConfig}, so that a copy pass never restarts the exporter.
 *
 * @param pendingVolumes the volumes without their copy in the bucket
 * @param lastCopySeconds when a pass last ended with nothing left to copy (Unix time), 0 never
 */
public record OffsiteState(
    @JsonProperty("pending-volumes") int pendingVolumes,
    @JsonProperty("last-copy-seconds") long lastCopySeconds) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The JSON the exporter reads. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the off-machine copy state: " + e.getMessage(), e);
    }
  }

  /** The state in {@code file}; empty when it is missing or unreadable (no s3 relation yet). */
  public static Optional<OffsiteState> read(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Optional.of(JSON.readValue(Files.readString(file), OffsiteState.class))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
