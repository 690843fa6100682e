package io.backupcharms.server.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.offsite.Bucket;
import io.backupcharms.server.offsite.BucketLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Catalog copies in the bucket. Each copy is a folder named by its UTC time with the dump, the
 * bootstrap files and a manifest; {@link BucketLayout#LATEST_CATALOG} is rewritten last, so it only
 * ever names a complete copy, and recovery finds it without listing the bucket.
 */
public final class CatalogCopies {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Bucket bucket;
  private final Path scratch;
  private final Clock clock;

  /**
   * @param scratch a private directory for the dump while it is made or fetched
   */
  public CatalogCopies(Bucket bucket, Path scratch, Clock clock) {
    this.bucket = bucket;
    this.scratch = scratch;
    this.clock = clock;
  }

  /**
   * Dumps the catalog and copies it, with the bootstrap files of {@code workingDirectory}.
   *
   * @return the copy now named by LATEST
   */
  public CatalogCopy save(
      CatalogDatabase catalog,
      Path workingDirectory,
      String server,
      long lastJobId,
      ClientHistory clients) {
    String folder = STAMP.format(clock.instant());
    String prefix = BucketLayout.CATALOGS + folder + "/";
    Path dump = scratch().resolve(CatalogCopy.DUMP);
    try {
      CatalogDump.dump(catalog, dump);
      bucket.upload(dump, prefix + CatalogCopy.DUMP);
    } finally {
      dump.toFile().delete();
    }
    List<String> bootstraps = new ArrayList<>();
    for (Path bsr : bootstraps(workingDirectory)) {
      bucket.upload(bsr, prefix + bsr.getFileName());
      bootstraps.add(bsr.getFileName().toString());
    }
    CatalogCopy copy =
        new CatalogCopy(
            folder, CatalogDump.backend(catalog), server, lastJobId, bootstraps, clients);
    bucket.write(prefix + CatalogCopy.MANIFEST, manifest(copy));
    bucket.write(BucketLayout.LATEST_CATALOG, folder + "\n");
    return copy;
  }

  /** The newest complete copy, empty when the bucket holds none. */
  public Optional<CatalogCopy> latest() {
    Optional<String> folder = bucket.read(BucketLayout.LATEST_CATALOG).map(String::strip);
    if (folder.isEmpty() || folder.get().isEmpty()) {
      return Optional.empty();
    }
    String key = BucketLayout.CATALOGS + folder.get() + "/" + CatalogCopy.MANIFEST;
    String text =
        bucket
            .read(key)
            .orElseThrow(
                () ->
                    new RecoveryException(
                        BucketLayout.LATEST_CATALOG
                            + " names "
                            + folder.get()
                            + ", which has no "
                            + CatalogCopy.MANIFEST
                            + "; the copy is incomplete: run backup-catalog on a working server, or"
                            + " restore an older folder's LATEST by hand"));
    try {
      JsonNode m = JSON.readTree(text);
      List<String> bootstraps = new ArrayList<>();
      m.path("bootstraps").forEach(b -> bootstraps.add(b.asText()));
      return Optional.of(
          new CatalogCopy(
              folder.get(),
              m.path("backend").asText(),
              m.path("server").asText(),
              m.path("last-job-id").asLong(),
              bootstraps,
              clients(m)));
    } catch (IOException e) {
      throw new RecoveryException("the manifest " + key + " is not JSON: " + e.getMessage());
    }
  }

  /**
   * Downloads a copy's dump to the scratch directory and its bootstrap files into {@code
   * workingDirectory}.
   *
   * @return the dump's local path; the caller deletes it after loading
   */
  public Path fetch(CatalogCopy copy, Path workingDirectory) {
    String prefix = BucketLayout.CATALOGS + copy.folder() + "/";
    Path dump = scratch().resolve(CatalogCopy.DUMP);
    bucket.download(prefix + CatalogCopy.DUMP, dump);
    for (String bsr : copy.bootstraps()) {
      if (bsr.matches("[A-Za-z0-9._-]+\\.bsr")) {
        bucket.download(prefix + bsr, workingDirectory.resolve(bsr));
      }
    }
    return dump;
  }

  private static String manifest(CatalogCopy copy) {
    ObjectNode m = JSON.createObjectNode();
    m.put("backend", copy.backend());
    m.put("server", copy.server());
    m.put("last-job-id", copy.lastJobId());
    m.putArray("bootstraps").addAll(copy.bootstraps().stream().map(m::textNode).toList());
    ArrayNode clients = m.putArray("clients");
    for (KnownClient c : copy.clients().clients().values()) {
      ObjectNode entry =
          clients
              .addObject()
              .put("name", c.name())
              .put("unit", c.unit())
              .put("fd-unit", c.fdUnit())
              .put("address", c.address())
              .put("port", c.port());
      if (c.changedApplication()) {
        entry.put("previous-fd-unit", c.previousFdUnit());
      }
    }
    m.putArray("forgotten-clients")
        .addAll(copy.clients().forgotten().stream().sorted().map(m::textNode).toList());
    return m.toPrettyString() + "\n";
  }

  /** The clients of a manifest; a copy made before manifests held them has none. */
  private static ClientHistory clients(JsonNode m) {
    Map<String, KnownClient> known = new TreeMap<>();
    for (JsonNode c : m.path("clients")) {
      KnownClient k =
          new KnownClient(
              c.path("name").asText(),
              c.path("unit").asText(),
              c.path("fd-unit").asText(),
              c.path("address").asText(),
              c.path("port").asInt(),
              c.path("previous-fd-unit").asText(""));
      if (!k.name().isEmpty() && k.unit().contains("/")) {
        known.put(k.stem(), k);
      }
    }
    Set<String> forgotten = new TreeSet<>();
    m.path("forgotten-clients").forEach(f -> forgotten.add(f.asText()));
    return new ClientHistory(known, forgotten);
  }

  private static List<Path> bootstraps(Path workingDirectory) {
    try (Stream<Path> files = Files.list(workingDirectory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".bsr")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private Path scratch() {
    try {
      Files.createDirectories(scratch);
      Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx------"));
      return scratch;
    } catch (IOException e) {
      throw new RecoveryException("cannot prepare " + scratch + ": " + e.getMessage());
    }
  }
}
