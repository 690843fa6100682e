package io.backupcharms.server;

import io.backupcharms.bacula.console.Director;
import io.backupcharms.ops.BlockedStatus;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.StoredState;
import io.backupcharms.ops.WaitingStatus;
import io.backupcharms.ops.model.Model;
import io.backupcharms.server.actions.CatalogQueries;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.metrics.OffsiteState;
import io.backupcharms.server.offsite.Bucket;
import io.backupcharms.server.offsite.BucketException;
import io.backupcharms.server.offsite.OffsiteRelation;
import io.backupcharms.server.offsite.S3Settings;
import io.backupcharms.server.offsite.VolumeCopies;
import io.backupcharms.server.recovery.CatalogCopies;
import io.backupcharms.server.recovery.CatalogCopy;
import io.backupcharms.server.recovery.CatalogDump;
import io.backupcharms.server.recovery.RecoveryException;
import io.backupcharms.server.recovery.VolumeFetch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The off-machine copy as the charm runs it: volumes to the bucket after each job and on every hook
 * until none is pending, the catalog after the day's jobs (any hook once a newer job ended and none
 * runs), and the two actions that save and recover the catalog.
 */
final class OffMachine {

  /** Stored state: the newest job id the last catalog copy held. */
  static final String COPIED_JOB = "catalog-copied-job";

  /** Stored state: when a pass last left no volume to copy (Unix seconds). */
  static final String LAST_COPY = "volumes-copied-at";

  private static final Logger LOG = LoggerFactory.getLogger(OffMachine.class);

  private final Model model;
  private final StoredState stored;
  private final Workload workload;

  OffMachine(Model model, StoredState stored, Workload workload) {
    this.model = model;
    this.stored = stored;
    this.workload = workload;
  }

  /** A usable bucket, with its description for messages. */
  record Target(Bucket bucket, String where) {}

  /**
   * One hook's pass. Returns the status to add (a problem, or pending copies), a note for the
   * active status when all is copied, and the state the metrics show.
   */
  record Pass(Optional<Status> status, String note, OffsiteState state) {}

  /** The reconcile step: empty when there is no s3 relation. */
  Optional<Pass> reconcile(Supplier<Director> console, CatalogDatabase catalog) {
    Optional<S3Settings.Reading> reading = OffsiteRelation.read(model);
    if (reading.isEmpty()) {
      return Optional.empty();
    }
    model
        .relation(S3Settings.ENDPOINT)
        .ifPresent(
            r -> {
              r.localAppData().update(OffsiteRelation.request(model.app().name()), List.of());
              r.localUnitData().update(OffsiteRelation.request(model.app().name()), List.of());
            });
    if (reading.get() instanceof S3Settings.Incomplete w) {
      return pass(Optional.of(new WaitingStatus(w.reason())), "", localVolumes());
    }
    if (reading.get() instanceof S3Settings.Invalid i) {
      return pass(Optional.of(new BlockedStatus(i.reason())), "", localVolumes());
    }
    S3Settings settings = ((S3Settings.Ready) reading.get()).settings();
    Target target;
    try {
      target = open(settings);
    } catch (BucketException e) {
      return pass(Optional.of(e.status()), "", localVolumes());
    }
    VolumeCopies.Outcome volumes =
        new VolumeCopies(target.bucket(), workload.layout().volumes()).sync();
    volumes.copied().forEach(v -> LOG.info("copied volume {} to {}", v, target.where()));
    noteCopied(volumes);
    String catalogProblem = copyCatalogIfDue(target, console, catalog);
    if (!volumes.complete()) {
      LOG.warn("{}", volumes.pendingSummary());
      return pass(
          Optional.of(
              new WaitingStatus(volumes.pendingSummary() + "; retried by the next job or hook")),
          "",
          volumes.pending().size());
    }
    if (!catalogProblem.isEmpty()) {
      return pass(Optional.of(new WaitingStatus(catalogProblem)), "", 0);
    }
    return pass(Optional.empty(), "copies in " + target.where(), 0);
  }

  private Optional<Pass> pass(Optional<Status> status, String note, int pending) {
    return Optional.of(
        new Pass(status, note, new OffsiteState(pending, stored.getLong(LAST_COPY).orElse(0L))));
  }

  /** A pass that leaves nothing pending is a copy, so a server with no new job stays fresh. */
  private void noteCopied(VolumeCopies.Outcome volumes) {
    if (volumes.complete()) {
      stored.set(LAST_COPY, Instant.now().getEpochSecond());
    }
  }

  /** Every local volume: none has a copy while the bucket cannot be reached. */
  private int localVolumes() {
    try (Stream<Path> files = Files.list(workload.layout().volumes())) {
      return (int) files.filter(Files::isRegularFile).count();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** What run-backup adds to its results: whether the data is off the machine yet. */
  Map<String, Object> afterBackup(
      Supplier<Director> console, CatalogDatabase catalog, Consumer<String> log) {
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<Target> target;
    try {
      target = target();
    } catch (BucketException | IllegalStateException e) {
      out.put("off-machine", "no: " + e.getMessage());
      return out;
    }
    if (target.isEmpty()) {
      out.put(
          "off-machine",
          "no: bacula-server has no s3 relation; the backup is on this machine only");
      return out;
    }
    VolumeCopies.Outcome volumes =
        new VolumeCopies(target.get().bucket(), workload.layout().volumes()).sync();
    volumes.copied().forEach(v -> log.accept("copied volume " + v + " to " + target.get().where()));
    noteCopied(volumes);
    if (volumes.complete()) {
      out.put("off-machine", "yes: volumes copied to " + target.get().where());
    } else {
      out.put(
          "off-machine", "no: " + volumes.pendingSummary() + "; retried by the next job or hook");
    }
    String problem = copyCatalogIfDue(target.get(), console, catalog);
    out.put(
        "catalog-copy",
        problem.isEmpty() ? "copied, up to job " + stored.getLong(COPIED_JOB).orElse(0L) : problem);
    return out;
  }

  /** Each listed job's copy state: copied when all its volumes are in the bucket. */
  Map<Long, String> copyStates(Supplier<Director> console, List<Long> jobIds) {
    Map<Long, String> out = new LinkedHashMap<>();
    Optional<Target> target;
    try {
      target = target();
    } catch (BucketException | IllegalStateException e) {
      jobIds.forEach(id -> out.put(id, "unknown: " + e.getMessage()));
      return out;
    }
    Map<Long, List<String>> volumes;
    try (Director director = console.get()) {
      volumes = new CatalogQueries(director).volumesOf(jobIds);
    }
    if (target.isEmpty()) {
      jobIds.forEach(id -> out.put(id, "local only: no s3 relation"));
      return out;
    }
    Map<String, VolumeCopies.State> states =
        new VolumeCopies(target.get().bucket(), workload.layout().volumes()).states();
    for (long id : jobIds) {
      List<String> vols = volumes.getOrDefault(id, List.of());
      boolean pending = vols.stream().anyMatch(v -> states.get(v) == VolumeCopies.State.PENDING);
      out.put(id, vols.isEmpty() ? "no volume" : pending ? "copy pending" : "copied");
    }
    return out;
  }

  /** The restore's volume source: the bucket when related. */
  VolumeFetch volumeFetch() {
    Optional<Target> target;
    try {
      target = target();
    } catch (BucketException | IllegalStateException e) {
      target = Optional.empty();
    }
    return new VolumeFetch(
        target.map(Target::bucket),
        target.map(Target::where).orElse("the bucket"),
        workload.layout().volumes());
  }

  /** {@code backup-catalog}: a copy now, whatever is due. */
  Map<String, Object> backupCatalog(Supplier<Director> console, CatalogDatabase catalog) {
    Target target = required();
    long newest;
    try (Director director = console.get()) {
      newest = new CatalogQueries(director).newestJobId();
    }
    CatalogCopy copy =
        copies(target)
            .save(
                catalog,
                workload.layout().workingDirectory(),
                model.app().name(),
                newest,
                LeaderValue.history(model, stored).read());
    stored.set(COPIED_JOB, newest);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("copy", "catalog/" + copy.folder());
    out.put("where", target.where());
    out.put("backend", copy.backend());
    out.put("last-job-id", Long.toString(copy.lastJobId()));
    out.put("bootstrap-files", Integer.toString(copy.bootstraps().size()));
    return out;
  }

  /** {@code recover-catalog}: loads the newest copy, refusing to overwrite jobs unless forced. */
  Map<String, Object> recoverCatalog(
      Map<String, ?> params,
      Supplier<Director> console,
      CatalogDatabase catalog,
      Consumer<String> log) {
    for (String key : params.keySet()) {
      if (!key.equals("force")) {
        throw new RecoveryException("unknown parameter " + key + "; recover-catalog takes force");
      }
    }
    // Juju hands the boolean over typed; absent means false.
    boolean force = Boolean.parseBoolean(String.valueOf(params.get("force")));
    Target target = required();
    CatalogCopies copies = copies(target);
    CatalogCopy copy =
        copies
            .latest()
            .orElseThrow(
                () ->
                    new RecoveryException(
                        "no catalog copy in "
                            + target.where()
                            + " (no catalog/LATEST): relate the bucket the lost server copied to"
                            + " (check the s3 provider's bucket and path), or run backup-catalog on"
                            + " a working server first"));
    if (!copy.backend().equals(CatalogDump.backend(catalog))) {
      throw new RecoveryException(
          "the copy catalog/"
              + copy.folder()
              + " is a "
              + copy.backend()
              + " catalog but this server's is "
              + CatalogDump.backend(catalog)
              + "; relate (or remove)"
              + " the database relation so the backends match, then run recover-catalog again");
    }
    try (Director director = console.get()) {
      long jobs = new CatalogQueries(director).jobCount();
      if (jobs > 0 && !force) {
        throw new RecoveryException(
            "the local catalog already holds "
                + jobs
                + " jobs; recovering"
                + " would replace them with catalog/"
                + copy.folder()
                + ". Run with force=true to replace"
                + " them");
      }
    }
    log.accept("fetching catalog/" + copy.folder() + " from " + target.where());
    Path dump = copies.fetch(copy, workload.layout().workingDirectory());
    try {
      log.accept("loading the catalog (Director stopped meanwhile)");
      workload.withDirectorStopped(() -> CatalogDump.load(catalog, dump));
    } finally {
      dump.toFile().delete();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    try (Director director = console.get()) {
      CatalogQueries queries = new CatalogQueries(director);
      List<String> closed = queries.appendableVolumes();
      closed.forEach(queries::markUsed);
      out.put("jobs", Long.toString(queries.jobCount()));
      out.put("clients", Long.toString(queries.clientCount()));
      out.put("volumes-closed", closed.isEmpty() ? "none" : String.join(",", closed));
    }
    out.put("clients-recovered", rememberClients(copy.clients()));
    stored.set(COPIED_JOB, copy.lastJobId());
    out.put("copy", "catalog/" + copy.folder());
    out.put("from-server", copy.server());
    out.put("last-job-id", Long.toString(copy.lastJobId()));
    out.put("where", target.where());
    return out;
  }

  /**
   * Keeps the lost server's record of its clients beside this one's, so that a client whose unit
   * was gone before the server was lost is still found by {@code client=<its old unit>}.
   *
   * @return the units now known from the copy alone, for the action's result
   */
  private String rememberClients(ClientHistory recovered) {
    LeaderValue<ClientHistory> history = LeaderValue.history(model, stored);
    ClientHistory before = history.read();
    ClientHistory after = before.withRecovered(recovered);
    history.write(after);
    List<String> units =
        after.clients().values().stream()
            .filter(c -> !before.clients().containsKey(c.stem()))
            .map(KnownClient::unit)
            .sorted()
            .toList();
    return units.isEmpty() ? "none" : String.join(",", units);
  }

  /** Copies the catalog when a job newer than the last copy ended and none runs; "" when fine. */
  private String copyCatalogIfDue(
      Target target, Supplier<Director> console, CatalogDatabase catalog) {
    try {
      long newest;
      try (Director director = console.get()) {
        CatalogQueries queries = new CatalogQueries(director);
        newest = queries.newestJobId();
        if (newest <= stored.getLong(COPIED_JOB).orElse(0L) || queries.activeJobs() > 0) {
          return "";
        }
      }
      CatalogCopy copy =
          copies(target)
              .save(
                  catalog,
                  workload.layout().workingDirectory(),
                  model.app().name(),
                  newest,
                  LeaderValue.history(model, stored).read());
      stored.set(COPIED_JOB, newest);
      LOG.info("copied the catalog to catalog/{} in {}", copy.folder(), target.where());
      return "";
    } catch (BucketException | RecoveryException e) {
      LOG.warn("catalog copy failed: {}", e.getMessage());
      return "catalog copy pending: " + e.getMessage();
    } catch (RuntimeException e) {
      // The Director may be restarting; the next hook tries again.
      LOG.warn("catalog copy skipped: {}", e.getMessage());
      return "";
    }
  }

  private Target required() {
    return target()
        .orElseThrow(
            () ->
                new RecoveryException(
                    "bacula-server has no s3 relation: juju integrate "
                        + model.app().name()
                        + ":s3 <s3 provider>"));
  }

  private Optional<Target> target() {
    Optional<S3Settings.Reading> reading = OffsiteRelation.read(model);
    if (reading.isEmpty()) {
      return Optional.empty();
    }
    if (reading.get() instanceof S3Settings.Ready ready) {
      return Optional.of(open(ready.settings()));
    }
    String reason =
        reading.get() instanceof S3Settings.Invalid i
            ? i.reason()
            : ((S3Settings.Incomplete) reading.get()).reason();
    throw new IllegalStateException(reason);
  }

  private Target open(S3Settings settings) {
    Bucket bucket = workload.bucket(settings);
    bucket.check();
    return new Target(bucket, settings.where());
  }

  private CatalogCopies copies(Target target) {
    return new CatalogCopies(
        target.bucket(), workload.privateDirectory().resolve("catalog"), Clock.systemUTC());
  }
}
