package io.backupcharms.server.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The metrics of one scrape, from what was read: the catalog's facts (absent when the Director
 * could not be reached) and the disk's. Names and meanings are listed in docs/reference/metrics.md;
 * the alert rules and the dashboard depend on them.
 */
public final class BaculaMetrics {

  private final ExporterConfig config;
  private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();
  private final Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();

  private BaculaMetrics(ExporterConfig config) {
    this.config = config;
  }

  /**
   * The snapshots for one scrape.
   *
   * @param catalog the catalog's facts, or empty when the Director did not answer
   * @param volumeBytes the bytes of the volume files
   * @param freeBytes the free bytes of the volume directory's disk
   * @param catalogBytes the catalog's size, when known (SQLite)
   * @param offsite the off-machine copy's state, empty without an s3 relation
   */
  public static MetricSnapshots of(
      ExporterConfig config,
      Optional<CatalogFacts> catalog,
      long volumeBytes,
      long freeBytes,
      OptionalLong catalogBytes,
      Optional<OffsiteState> offsite) {
    BaculaMetrics m = new BaculaMetrics(config);
    m.gauge(
        "bacula_director_up",
        "1 when the exporter could query the Director's catalog",
        Labels.EMPTY,
        catalog.isPresent() ? 1 : 0);
    m.gauge("bacula_volume_bytes", "Bytes the volume files take", Labels.EMPTY, volumeBytes);
    m.gauge(
        "bacula_volume_free_bytes",
        "Free bytes on the disk of the volume directory",
        Labels.EMPTY,
        freeBytes);
    m.gauge(
        "bacula_volume_min_free_bytes",
        "The min-free-space option: backups fail before writing below this",
        Labels.EMPTY,
        config.minFreeBytes());
    offsite.ifPresent(
        o -> {
          m.gauge(
              "bacula_offsite_pending_volumes",
              "Volumes not yet copied to the S3 bucket, as the last hook" + " found them",
              Labels.EMPTY,
              o.pendingVolumes());
          m.gauge(
              "bacula_offsite_last_copy_timestamp_seconds",
              "When a copy pass last left nothing to copy"
                  + " to the S3 bucket (Unix time); 0 before the first",
              Labels.EMPTY,
              o.lastCopySeconds());
        });
    catalogBytes.ifPresent(
        b -> m.gauge("bacula_catalog_bytes", "Bytes the catalog takes", Labels.EMPTY, b));
    for (ExporterConfig.ClientLabels c : config.clients()) {
      m.gauge(
          "bacula_client_backup_period_seconds",
          "The longest time the client's schedule lets pass between backups; 0 without a schedule",
          m.client(c.name()),
          c.periodSeconds());
    }
    catalog.ifPresent(m::add);
    return m.build();
  }

  private void add(CatalogFacts facts) {
    gauge("bacula_jobs_running", "Jobs running now", Labels.EMPTY, facts.running());
    gauge("bacula_jobs_queued", "Jobs created and waiting to run", Labels.EMPTY, facts.queued());
    facts
        .lastGood()
        .forEach(
            (client, levels) ->
                levels.forEach(
                    (level, end) ->
                        gauge(
                            "bacula_client_last_backup_timestamp_seconds",
                            "End of the client's newest successful backup of this level (Unix"
                                + " time)",
                            client(client).add("level", level),
                            end.getEpochSecond())));
    facts
        .lastBackup()
        .forEach(
            (client, job) -> {
              Labels labels = client(client);
              gauge(
                  "bacula_client_last_job_success",
                  "1 when the client's newest backup ended well, 0 when it"
                      + " failed or was canceled",
                  labels,
                  job.isGood() ? 1 : 0);
              gauge(
                  "bacula_client_last_job_timestamp_seconds",
                  "End of the client's newest backup (Unix time)",
                  labels,
                  job.endInstant().getEpochSecond());
              gauge(
                  "bacula_client_last_job_bytes",
                  "Bytes the client's newest backup wrote",
                  labels,
                  job.bytes());
              gauge(
                  "bacula_client_last_job_files",
                  "Files the client's newest backup wrote",
                  labels,
                  job.files());
              gauge(
                  "bacula_client_last_job_duration_seconds",
                  "How long the client's newest backup ran",
                  labels,
                  job.duration().map(d -> d.toSeconds()).orElse(0L));
              counter(
                  "bacula_client_failed_jobs",
                  "Failed backup jobs of the client the catalog holds",
                  labels,
                  facts.failedBackups().getOrDefault(client, 0L));
            });
    if (config.verifyPeriodSeconds() > 0) {
      for (ExporterConfig.ClientLabels c : config.clients()) {
        long since =
            Optional.ofNullable(facts.lastVerify().get(c.name()))
                .map(j -> j.endInstant().getEpochSecond())
                .orElse(0L);
        gauge(
            "bacula_client_verify_due_timestamp_seconds",
            "When verify-schedule wants the client's next verify by (Unix time): its newest"
                + " verify's end, or when the schedule was set, plus the schedule's longest gap",
            client(c.name()),
            Math.max(since, config.verifySinceSeconds()) + config.verifyPeriodSeconds());
      }
    }
    facts
        .lastVerify()
        .forEach(
            (client, job) -> {
              Labels labels = client(client);
              gauge(
                  "bacula_client_last_verify_success",
                  "1 when the client's newest verify job found the backup"
                      + " sound, 0 when it failed",
                  labels,
                  job.isGood() ? 1 : 0);
              gauge(
                  "bacula_client_last_verify_timestamp_seconds",
                  "End of the client's newest verify job (Unix" + " time)",
                  labels,
                  job.endInstant().getEpochSecond());
            });
  }

  private Labels client(String name) {
    return Labels.of("client", name, "unit", config.unitOf(name));
  }

  private void gauge(String name, String help, Labels labels, double value) {
    gauges
        .computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
        .dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  private void counter(String name, String help, Labels labels, double value) {
    counters
        .computeIfAbsent(name, n -> CounterSnapshot.builder().name(n).help(help))
        .dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  private MetricSnapshots build() {
    List<MetricSnapshot> all = new ArrayList<>();
    gauges.values().forEach(b -> all.add(b.build()));
    counters.values().forEach(b -> all.add(b.build()));
    return new MetricSnapshots(all);
  }
}
