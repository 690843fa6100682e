package io.backupcharms.server.actions;

import io.backupcharms.bacula.config.Level;
import io.backupcharms.bacula.config.Replace;
import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.JobWait;
import io.backupcharms.bacula.console.RestoreRequest;
import io.backupcharms.bacula.console.RunRequest;
import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.Clients;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.config.DeepVerifyJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The actions that talk to the Director. Each validates every parameter before touching the
 * Director, then works through one console session. Failures are {@link InvalidParamsException}
 * (nothing was done) or {@link ActionFailedException} (with the Director's reason and whatever
 * results are known).
 */
public final class ServerActions {

  /** How long run-backup and restore wait for their job. */
  static final Duration JOB_TIMEOUT = Duration.ofHours(12);

  /** How long a File Daemon has to accept a connection before a job is queued for it. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  private final Clients clients;
  private final ClientHistory history;
  private final ClientSelector selector;
  private final Supplier<Director> console;
  private final Function<ClientSpec, Optional<String>> passwords;
  private Function<ClientSpec, Optional<SSLContext>> probeTls = c -> Optional.empty();
  private Function<String, RestorePlace> restorePlaces = w -> RestorePlace.of(w, Instant.now());
  private final Supplier<List<String>> watchdog;
  private final Duration poll;
  private final Duration report;
  private BiConsumer<List<String>, Consumer<String>> volumeFetch = (volumes, log) -> {};
  private RestoreKeys restoreKeys = RestoreKeys.NONE;

  /**
   * @param clients the clients as the relations describe them now
   * @param history every client the Director accepted and the operator has not forgotten
   * @param selector maps {@code client=} to one of them
   * @param watchdog starts the daemons that stopped and names them; called while a job runs,
   *     because a Director whose Storage Daemon died waits half an hour for it to come back
   * @param console opens a logged-in console on the Director
   * @param passwords the password the Director uses with a client's File Daemon (its relation's
   *     secret), empty when it does not exist yet
   */
  public ServerActions(
      Clients clients,
      ClientHistory history,
      ClientSelector selector,
      Supplier<List<String>> watchdog,
      Supplier<Director> console,
      Function<ClientSpec, Optional<String>> passwords) {
    this(
        clients,
        history,
        selector,
        watchdog,
        console,
        passwords,
        Duration.ofMillis(250),
        Duration.ofSeconds(10));
  }

  /**
   * @param poll how often a running job is checked
   * @param report how often its progress is logged
   */
  ServerActions(
      Clients clients,
      ClientHistory history,
      ClientSelector selector,
      Supplier<List<String>> watchdog,
      Supplier<Director> console,
      Function<ClientSpec, Optional<String>> passwords,
      Duration poll,
      Duration report) {
    this.clients = clients;
    this.history = history;
    this.passwords = passwords;
    this.selector = selector;
    this.watchdog = watchdog;
    this.console = console;
    this.poll = poll;
    this.report = report;
  }

  /**
   * Makes each restore first bring the volumes it reads onto this machine (from the off-machine
   * copy); set once, before any action runs.
   *
   * @param fetch given the volume names and the action's log; throws to fail the restore
   */
  public ServerActions withVolumeFetch(BiConsumer<List<String>, Consumer<String>> fetch) {
    this.volumeFetch = fetch;
    return this;
  }

  /** Hands a restore's target the key its backups were encrypted for ({@link RestoreKeys}). */
  public ServerActions withRestoreKeys(RestoreKeys keys) {
    this.restoreKeys = keys;
    return this;
  }

  /** Decides where a restore's files land from its {@code where} ({@link RestorePlace#of}). */
  public ServerActions withRestorePlaces(Function<String, RestorePlace> places) {
    this.restorePlaces = places;
    return this;
  }

  /**
   * Probes File Daemons over TLS with the context {@code tls} gives for a client (empty: plain), as
   * the Director's Client resource for it does.
   */
  public ServerActions withProbeTls(Function<ClientSpec, Optional<SSLContext>> tls) {
    this.probeTls = tls;
    return this;
  }

  /** {@code run-backup}: runs the client's backup job and waits for it. */
  public Map<String, Object> runBackup(Map<String, ?> params, Consumer<String> log) {
    RunBackupParams request = RunBackupParams.parse(params);
    ClientSpec client = selector.select(request.client());
    FileDaemonProbe.requireReachable(
        client,
        selector.describe(client),
        passwords.apply(client),
        probeTls.apply(client),
        PROBE_TIMEOUT);
    try (Director director = console.get()) {
      log.accept("starting backup of " + selector.describe(client) + ", level " + request.level());
      long id =
          director.run(
              RunRequest.of(client.backupJob()).withLevel(Level.fromBacula(request.level())));
      log.accept("job " + id + " queued");
      JobRecord job = follower(log).await(director, id);
      Map<String, Object> results = describe(job);
      if (!job.isGood()) {
        throw new ActionFailedException(
            "backup job "
                + id
                + " of "
                + selector.describe(client)
                + " "
                + JobResults.statusWord(job)
                + ": "
                + JobFollower.reason(director.log(id))
                + VolumeHint.of(director.log(id)),
            results);
      }
      log.accept(
          "job "
              + id
              + " ended: "
              + JobResults.statusWord(job)
              + ", "
              + job.files()
              + " files, "
              + job.bytes()
              + " bytes");
      return results;
    }
  }

  /**
   * {@code verify}: reads a backup (the client's latest good one by default) back from its volumes
   * and compares it with the catalog, with a Bacula Verify job of level VolumeToCatalog. With
   * {@code deep}, it then also restores the backup into a private directory on the client and
   * compares every restored file's checksum with the catalog's ({@link DeepVerify}).
   */
  public Map<String, Object> verify(Map<String, ?> params, Consumer<String> log) {
    VerifyParams request = VerifyParams.parse(params);
    ClientSpec client = selector.select(request.client());
    KnownClient known = selector.selectKnown(request.client());
    FileDaemonProbe.requireReachable(
        client,
        selector.describe(client),
        passwords.apply(client),
        probeTls.apply(client),
        PROBE_TIMEOUT);
    try (Director director = console.get()) {
      JobRecord backup = backupToRestore(director, known, request.backupId());
      List<Long> chain = request.deep() ? director.restoreChain(backup.jobId()) : List.of();
      if (request.deep()) {
        // Before anything runs, so a backup that cannot be read from here fails the action at once.
        volumeFetch.accept(
            new CatalogQueries(director)
                .volumesOf(chain).values().stream().flatMap(List::stream).distinct().toList(),
            log);
      }
      log.accept("verifying backup " + backup.jobId() + " of " + selector.describe(client));
      long id =
          director.run(
              RunRequest.of(client.verifyJob())
                  .withJobId(backup.jobId())
                  .withLevel(Level.VOLUME_TO_CATALOG));
      JobRecord job = follower(log).await(director, id);
      Map<String, Object> results = new LinkedHashMap<>();
      results.put("job-id", Long.toString(id));
      results.put("client", selector.attributedUnit(client));
      results.put("backup-id", Long.toString(backup.jobId()));
      results.put("status", JobResults.statusWord(job));
      results.put("files", Long.toString(job.files()));
      if (!job.isGood()) {
        throw new ActionFailedException(
            "verify job "
                + id
                + " of backup "
                + backup.jobId()
                + " of "
                + selector.describe(client)
                + " "
                + JobResults.statusWord(job)
                + ": the backup does not read back as"
                + " the catalog records it: "
                + JobFollower.reason(director.log(id))
                + ". Run a new Full"
                + " backup (run-backup level=Full) and check the volume disk",
            results);
      }
      if (request.deep()) {
        deepVerify(director, known, client, backup, chain, results, log);
      }
      return results;
    }
  }

  /** Restores {@code chain} into the client's private directory and compares the checksums. */
  private void deepVerify(
      Director director,
      KnownClient known,
      ClientSpec client,
      JobRecord backup,
      List<Long> chain,
      Map<String, Object> results,
      Consumer<String> log) {
    Instant firstStart =
        director.job(Collections.min(chain)).map(JobRecord::startInstant).orElse(Instant.EPOCH);
    Optional<String> waiting = restoreKeys.prepare(known, client, firstStart);
    if (waiting.isPresent()) {
      results.put("key-pending", "true");
      throw new ActionFailedException(waiting.get(), results);
    }
    String where = DeepVerifyJob.directory(client.stem());
    try {
      log.accept(
          "restoring backup "
              + backup.jobId()
              + " (jobs "
              + JobResults.join(chain)
              + ") into "
              + where
              + " on "
              + selector.describe(client)
              + " to compare every file");
      long id =
          director.restore(
              RestoreRequest.ofJobs(chain, client.clientResource())
                  .withRestoreClient(client.clientResource())
                  .withRestoreJob(client.deepVerifyJob())
                  .withWhere(where)
                  .withReplace(Replace.ALWAYS));
      JobRecord restore = follower(log).await(director, id);
      results.put("deep-job-id", Long.toString(id));
      if (!restore.isGood()) {
        results.put("deep", "failed");
        throw new ActionFailedException(
            "the deep verify's restore job "
                + id
                + " of backup "
                + backup.jobId()
                + " of "
                + selector.describe(client)
                + " "
                + JobResults.statusWord(restore)
                + ": "
                + JobFollower.reason(director.log(id))
                + KeyHint.of(director.log(id), selector.describe(client)),
            results);
      }
      DeepVerify.Outcome outcome =
          DeepVerify.compare(
              DeepVerify.expected(director, chain), DeepVerify.restored(director.log(id)));
      results.put("deep-files", Integer.toString(outcome.compared()));
      if (!outcome.isGood()) {
        results.put("deep", "failed");
        List<String> shown = outcome.problems().subList(0, Math.min(10, outcome.problems().size()));
        throw new ActionFailedException(
            "the deep verify of backup "
                + backup.jobId()
                + " of "
                + selector.describe(client)
                + " found "
                + outcome.problems().size()
                + " of "
                + outcome.compared()
                + " files wrong: "
                + String.join("; ", shown)
                + (outcome.problems().size() > shown.size() ? "; ..." : "")
                + ". The backup does not"
                + " restore as it was taken: run a new Full backup (run-backup level=Full)",
            results);
      }
      results.put("deep", "success");
      log.accept(
          "deep verify: "
              + outcome.compared()
              + " files restored and matching the catalog; "
              + where
              + " removed");
    } finally {
      restoreKeys.finished(client);
    }
  }

  /**
   * A backup job as results: {@code client} is the unit it belongs to, as {@code client=} takes it,
   * or the Bacula name when the server never knew the unit; {@code client-name} the name.
   */
  private Map<String, Object> describe(JobRecord job) {
    Map<String, String> fields = JobResults.describe(job);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("job-id", fields.get("job-id"));
    out.put("client", selector.unitOf(job.client()).orElse(job.client()));
    fields.forEach(out::putIfAbsent);
    return out;
  }

  /** {@code list-backups}: the newest backups, optionally of one client. */
  public Map<String, Object> listBackups(Map<String, ?> params) {
    ListBackupsParams request = ListBackupsParams.parse(params);
    Optional<KnownClient> client = request.client().map(selector::selectKnown);
    try (Director director = console.get()) {
      List<JobRecord> jobs =
          director.backups(client.map(KnownClient::clientResource), request.limit());
      Map<String, Object> backups = new LinkedHashMap<>();
      for (JobRecord job : jobs) {
        backups.put("job-" + job.jobId(), describe(job));
      }
      Map<String, Object> results = new LinkedHashMap<>();
      results.put("count", Integer.toString(jobs.size()));
      results.put("backups", backups);
      return results;
    }
  }

  /**
   * {@code restore}: restores a backup (with the jobs it builds on), or only some of its paths,
   * onto the client or another unit, and waits for it.
   */
  public Map<String, Object> restore(Map<String, ?> params, Consumer<String> log) {
    RestoreParams request = RestoreParams.parse(params);
    KnownClient client = selector.selectKnown(request.client());
    ClientSpec target =
        RestoreTarget.choose(
            selector, client, Optional.ofNullable(history.clients().get(client.stem())), request);
    try (Director director = console.get()) {
      JobRecord backup = backupToRestore(director, client, request.backupId());
      List<Long> chain = director.restoreChain(backup.jobId());
      volumeFetch.accept(
          new CatalogQueries(director)
              .volumesOf(chain).values().stream().flatMap(List::stream).distinct().toList(),
          log);
      Optional<RestoreRequest.Selection> selection =
          request.paths().isEmpty()
              ? Optional.empty()
              : Optional.of(
                  new CatalogPaths(director)
                      .locate(
                          request.paths(),
                          chain,
                          "backup " + backup.jobId() + " of " + selector.describe(client)));
      FileDaemonProbe.requireReachable(
          target,
          selector.describe(target),
          passwords.apply(target),
          probeTls.apply(target),
          PROBE_TIMEOUT);
      Instant firstStart =
          director.job(Collections.min(chain)).map(JobRecord::startInstant).orElse(Instant.EPOCH);
      Optional<String> waiting = restoreKeys.prepare(client, target, firstStart);
      if (waiting.isPresent()) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("client", client.unit());
        results.put("target", selector.attributedUnit(target));
        results.put("backup-id", Long.toString(backup.jobId()));
        results.put("key-pending", "true");
        throw new ActionFailedException(waiting.get(), results);
      }
      try {
        return restoreWithKey(director, request, client, target, backup, chain, selection, log);
      } finally {
        restoreKeys.finished(target);
      }
    }
  }

  private Map<String, Object> restoreWithKey(
      Director director,
      RestoreParams request,
      KnownClient client,
      ClientSpec target,
      JobRecord backup,
      List<Long> chain,
      Optional<RestoreRequest.Selection> selection,
      Consumer<String> log) {
    String onto = target.stem().equals(client.stem()) ? "" : " onto " + selector.describe(target);
    RestorePlace place = restorePlaces.apply(request.where());
    place.note().ifPresent(log);
    log.accept(
        "restoring backup "
            + backup.jobId()
            + " of "
            + selector.describe(client)
            + onto
            + " (jobs "
            + JobResults.join(chain)
            + ")"
            + (request.paths().isEmpty() ? "" : ", paths " + String.join(",", request.paths()))
            + " to "
            + place.where());
    long id =
        director.restore(
            RestoreRequest.ofJobs(chain, client.clientResource())
                .withRestoreClient(target.clientResource())
                .withRestoreJob(target.restoreJob())
                .withWhere(place.where())
                .withReplace(request.replace())
                .withSelection(selection.orElse(null)));
    log.accept("restore job " + id + " queued");
    JobRecord job = follower(log).await(director, id);
    log.accept(
        "restore job "
            + id
            + " ended: "
            + JobResults.statusWord(job)
            + ", "
            + job.files()
            + " files, "
            + job.bytes()
            + " bytes");
    Map<String, Object> results = new LinkedHashMap<>(JobResults.describe(job));
    results.remove("level");
    results.put("client", client.unit());
    results.put("client-name", client.clientResource());
    results.put("target", selector.attributedUnit(target));
    results.put("target-name", target.clientResource());
    results.put("backup-id", Long.toString(backup.jobId()));
    results.put("restored-jobs", JobResults.join(chain));
    results.put("paths", request.paths().isEmpty() ? "all" : String.join(",", request.paths()));
    results.put("where", place.where());
    place.requested().ifPresent(r -> results.put("requested-where", r));
    results.put("replace", request.replace().baculaName());
    if (!job.isGood()) {
      throw new ActionFailedException(
          "restore job "
              + id
              + " of "
              + selector.describe(client)
              + onto
              + " "
              + JobResults.statusWord(job)
              + ": "
              + JobFollower.reason(director.log(id))
              + KeyHint.of(director.log(id), selector.describe(target)),
          results);
    }
    return results;
  }

  /** {@code list-clients}: every client, active, left out or gone, with its last backups. */
  public Map<String, Object> listClients() {
    return new ClientListing(clients, history, selector, console).list();
  }

  private JobRecord backupToRestore(Director director, KnownClient client, Optional<Long> id) {
    if (id.isEmpty()) {
      return director
          .latestGoodBackup(client.clientResource())
          .orElseThrow(
              () ->
                  new ActionFailedException(
                      selector.describe(client)
                          + " has no successful backup to restore; run run-backup first",
                      Map.of()));
    }
    JobRecord job =
        director
            .job(id.get())
            .orElseThrow(
                () ->
                    new InvalidParamsException(
                        List.of(
                            "backup-id "
                                + id.get()
                                + " is not a job the Director knows; see list-backups")));
    if (!job.isBackup() || !job.client().equals(client.clientResource())) {
      throw new InvalidParamsException(
          List.of(
              "backup-id "
                  + id.get()
                  + " is not a backup of "
                  + selector.describe(client)
                  + "; see list-backups client="
                  + request(client)));
    }
    if (!job.isGood()) {
      throw new InvalidParamsException(
          List.of(
              "backup-id "
                  + id.get()
                  + " did not succeed ("
                  + JobResults.statusWord(job)
                  + "); choose a successful backup from list-backups"));
    }
    return job;
  }

  private JobFollower follower(Consumer<String> log) {
    return new JobFollower(log, watchdog, new JobWait(poll, report, JOB_TIMEOUT));
  }

  private static String request(KnownClient client) {
    return client.unit();
  }

  /** An action-set key (lowercase letters, digits, hyphens) unique in {@code taken}. */
  static String key(String name, Map<String, ?> taken) {
    String base =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "client-" + base;
    }
    String key = base;
    for (int i = 2; taken.containsKey(key); i++) {
      key = base + "-" + i;
    }
    return key;
  }
}
