package io.backupcharms.server.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the charm tells the exporter, written by each hook as JSON (root-owned, readable by the
 * exporter's user only, since it holds the console password).
 *
 * @param listenAddress the address to serve on: the unit's, as the daemons bind it
 * @param port the metrics port
 * @param directorAddress the Director's address
 * @param directorPort the Director's port
 * @param consolePassword the Director console's password
 * @param volumes the volume directory
 * @param catalogFile the SQLite catalog file, or empty for a PostgreSQL catalog (size not known)
 * @param minFreeBytes the {@code min-free-space} option
 * @param clients the clients, for their unit labels and schedule periods
 * @param offsiteStateFile the {@link OffsiteState} file each hook rewrites, or empty without an s3
 *     relation
 * @param verifyPeriodSeconds the longest gap {@code verify-schedule} allows between verifies, 0
 *     without one
 * @param verifySinceSeconds when this unit first saw the current {@code verify-schedule} (Unix
 *     time): the first verify is due a period after it
 */
public record ExporterConfig(
    @JsonProperty("listen-address") String listenAddress,
    @JsonProperty("port") int port,
    @JsonProperty("director-address") String directorAddress,
    @JsonProperty("director-port") int directorPort,
    @JsonProperty("console-password") String consolePassword,
    @JsonProperty("volumes") String volumes,
    @JsonProperty("catalog-file") String catalogFile,
    @JsonProperty("min-free-bytes") long minFreeBytes,
    @JsonProperty("clients") List<ClientLabels> clients,
    @JsonProperty("offsite-state-file") String offsiteStateFile,
    @JsonProperty("verify-period-seconds") long verifyPeriodSeconds,
    @JsonProperty("verify-since-seconds") long verifySinceSeconds) {

  /** The port bacula-server serves metrics on. */
  public static final int DEFAULT_PORT = 9625;

  private static final ObjectMapper JSON = new ObjectMapper();

  public ExporterConfig {
    Objects.requireNonNull(listenAddress, "listenAddress");
    consolePassword = Objects.requireNonNullElse(consolePassword, "");
    volumes = Objects.requireNonNullElse(volumes, "");
    catalogFile = Objects.requireNonNullElse(catalogFile, "");
    offsiteStateFile = Objects.requireNonNullElse(offsiteStateFile, "");
    clients = clients == null ? List.of() : List.copyOf(clients);
  }

  /**
   * One client as the labels show it.
   *
   * @param name the Bacula client name
   * @param unit the unit it stands for
   * @param periodSeconds the longest gap its schedule allows, 0 without a schedule
   */
  public record ClientLabels(
      @JsonProperty("name") String name,
      @JsonProperty("unit") String unit,
      @JsonProperty("period-seconds") long periodSeconds) {}

  /**
   * The JSON the exporter reads; stable for an unchanged config, so an unchanged hook writes
   * nothing.
   */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the exporter's configuration: " + e.getMessage(), e);
    }
  }

  /** Reads the file the charm wrote. */
  public static ExporterConfig read(Path file) throws IOException {
    return JSON.readValue(Files.readString(file), ExporterConfig.class);
  }

  /** The unit a client name stands for, or the name itself when the charm did not list it. */
  String unitOf(String client) {
    return clients.stream()
        .filter(c -> c.name().equals(client))
        .map(ClientLabels::unit)
        .findFirst()
        .orElse(client);
  }
}
