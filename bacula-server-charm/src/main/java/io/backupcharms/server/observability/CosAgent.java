package io.backupcharms.server.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupcharms.ops.model.Relation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Our side of the {@code cos-agent} relation ({@code cos_agent}, LIBAPI 0, LIBPATCH 26): one
 * unit-databag key, {@code config}, with the scrape job, the alert rules and the dashboards, for
 * the collector subordinate (opentelemetry-collector or grafana-agent) on this machine. Bacula's
 * log, {@code /var/log/bacula/bacula.log}, reaches Loki without a key: both collectors tail {@code
 * /var/log/**}{@code /*log}.
 */
public final class CosAgent {

  /** The endpoint's name in charmcraft.yaml. */
  public static final String ENDPOINT = "cos-agent";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CosAgent() {}

  /** Writes {@code config} on {@code relation} when it changed. */
  public static void publish(
      Relation relation,
      Topology topology,
      String address,
      int port,
      Map<String, Object> rules,
      Path dashboards) {
    relation
        .localUnitData()
        .update(Map.of("config", config(topology, address, port, rules, dashboards)), List.of());
  }

  /** The {@code config} value: {@code CosAgentProviderUnitData} as JSON, every field present. */
  static String config(
      Topology topology, String address, int port, Map<String, Object> rules, Path dashboards) {
    ObjectNode job = JSON.createObjectNode();
    job.put("metrics_path", "/metrics");
    job.putArray("static_configs").addObject().putArray("targets").add(address + ":" + port);
    // The library names a job <app>_<name>_<hash of the job>; the collector only needs it unique.
    job.put("job_name", topology.application() + "_default_" + hash(job.toString(), 4));
    ObjectNode data = JSON.createObjectNode();
    data.set("metrics_alert_rules", JSON.valueToTree(rules));
    data.putObject("log_alert_rules");
    ArrayNode encoded = data.putArray("dashboards");
    for (Path file : dashboardFiles(dashboards)) {
      encoded.add(encode(topology.charm(), file));
    }
    data.putNull("subordinate");
    data.putArray("metrics_scrape_jobs").add(job);
    data.putArray("log_slots");
    data.putNull("tracing_protocols");
    return data.toString();
  }

  /**
   * A dashboard as the library sends it: a stable 40-character uid from the charm and the file, a
   * {@code charm: <name>} tag, then XZ and base64.
   */
  static String encode(String charm, Path file) {
    try {
      ObjectNode dashboard = (ObjectNode) JSON.readTree(Files.readString(file));
      dashboard.put("uid", hash(charm + "-src/grafana_dashboards/" + file.getFileName(), 20));
      ArrayNode tags =
          dashboard.has("tags") ? (ArrayNode) dashboard.get("tags") : dashboard.putArray("tags");
      boolean tagged = false;
      for (JsonNode t : tags) {
        tagged |= t.asText().startsWith("charm: ");
      }
      if (!tagged) {
        tags.add("charm: " + charm);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
        xz.write(dashboard.toString().getBytes(StandardCharsets.UTF_8));
      }
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the dashboard " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> dashboardFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String hash(String text, int bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JRE", e);
    }
  }
}
