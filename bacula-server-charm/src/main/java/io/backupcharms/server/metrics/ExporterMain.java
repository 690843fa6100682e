package io.backupcharms.server.metrics;

import io.backupcharms.bacula.console.ConsoleSettings;
import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.NativeDirector;
import io.backupcharms.server.workload.ServerTlsFiles;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * {@code bacula-server-exporter}: serves {@link BaculaMetrics} on the configured address, reading
 * the catalog at each scrape (at most every {@link #CACHE}, so several scrapers cost one read).
 * Started by systemd with the configuration file as its argument; the charm restarts it when that
 * file changes.
 */
public final class ExporterMain implements MultiCollector {

  static final Duration CACHE = Duration.ofSeconds(10);

  private final ExporterConfig config;
  private MetricSnapshots last;
  private long lastRead;

  ExporterMain(ExporterConfig config) {
    this.config = config;
  }

  /** Serves until killed. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: ExporterMain <config.json>");
      System.exit(2);
    }
    ExporterConfig config = ExporterConfig.read(Path.of(args[0]));
    HTTPServer server = serve(config);
    System.err.println(
        "bacula-server-exporter: serving on " + config.listenAddress() + ":" + server.getPort());
    Thread.currentThread().join();
  }

  /** Starts serving {@code config}'s metrics on its address and port; the caller closes it. */
  public static HTTPServer serve(ExporterConfig config) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new ExporterMain(config));
    return HTTPServer.builder()
        .hostname(config.listenAddress())
        .port(config.port())
        .registry(registry)
        .buildAndStart();
  }

  @Override
  public synchronized MetricSnapshots collect() {
    long now = System.nanoTime();
    if (last == null || now - lastRead > CACHE.toNanos()) {
      last = read();
      lastRead = now;
    }
    return last;
  }

  private MetricSnapshots read() {
    Path volumes = Path.of(config.volumes());
    return BaculaMetrics.of(
        config,
        catalog(),
        sizeOf(volumes),
        free(volumes),
        config.catalogFile().isEmpty()
            ? OptionalLong.empty()
            : OptionalLong.of(sizeOf(Path.of(config.catalogFile()))),
        config.offsiteStateFile().isEmpty()
            ? Optional.empty()
            : OffsiteState.read(Path.of(config.offsiteStateFile())));
  }

  private Optional<CatalogFacts> catalog() {
    ConsoleSettings plain =
        ConsoleSettings.of(
                config.directorAddress(), config.directorPort(), config.consolePassword())
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
    ConsoleSettings settings =
        ServerTlsFiles.DEBIAN.context().map(plain::withTlsWhenOffered).orElse(plain);
    try (Director director = NativeDirector.connect(settings)) {
      return Optional.of(CatalogFacts.read(director));
    } catch (RuntimeException e) {
      // The metric bacula_director_up says so; the reason goes to the journal.
      System.err.println("bacula-server-exporter: cannot read the catalog: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static long sizeOf(Path path) {
    if (!Files.exists(path)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long free(Path path) {
    try {
      return Files.getFileStore(Files.exists(path) ? path : Path.of("/")).getUsableSpace();
    } catch (IOException e) {
      return 0;
    }
  }
}
