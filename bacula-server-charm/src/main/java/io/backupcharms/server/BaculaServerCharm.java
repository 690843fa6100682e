package io.backupcharms.server;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.DirectorAnswerException;
import io.backupcharms.bacula.console.UnexpectedReplyException;
import io.backupcharms.bacula.host.HostException;
import io.backupcharms.ops.ActionEvent;
import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.CollectStatusEvent;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.HookEvent;
import io.backupcharms.ops.InstallEvent;
import io.backupcharms.ops.Main;
import io.backupcharms.ops.Status;
import io.backupcharms.ops.UpgradeCharmEvent;
import io.backupcharms.schema.UnitPasswords;
import io.backupcharms.server.actions.ActionFailedException;
import io.backupcharms.server.actions.ClientSelector;
import io.backupcharms.server.actions.ForgetClient;
import io.backupcharms.server.actions.ServerActions;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.encryption.EncryptedRestores;
import io.backupcharms.server.encryption.MasterKeyActions;
import io.backupcharms.server.problem.ServerProblem;
import io.backupcharms.server.secrets.PasswordRotation;
import io.backupcharms.server.secrets.PasswordSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The bacula-server charm: every hook reconciles the Director and Storage Daemon with the model;
 * the actions talk to the Director. See {@code docs/reference/bacula-server.md}.
 */
public final class BaculaServerCharm extends CharmBase {

  private final List<Status> statuses = new ArrayList<>();
  private final Workload workload;

  /** Registers the observers; the framework constructs the charm once per hook. */
  public BaculaServerCharm(Framework framework) {
    this(framework, new DebianWorkload());
  }

  BaculaServerCharm(Framework framework, Workload workload) {
    super(framework);
    this.workload = workload;
    framework.observe(
        HookEvent.class,
        e -> {
          if (e instanceof InstallEvent || e instanceof UpgradeCharmEvent) {
            // A new charm may read versions differently: ask the Director again.
            framework.stored().remove(Reconciler.VERSION);
          }
          reconcile();
        });
    framework.observe(CollectStatusEvent.class, this::collectStatus);
    framework.observeAction(
        "run-backup",
        e ->
            act(
                e,
                a ->
                    offMachine(
                        a.runBackup(e.params().asMap(), e::log),
                        (o, r) -> r.putAll(o.afterBackup(this::console, catalog(), e::log)))));
    framework.observeAction(
        "list-backups",
        e -> act(e, a -> offMachine(a.listBackups(e.params().asMap()), this::withCopyStates)));
    framework.observeAction(
        "restore",
        e ->
            act(
                e,
                a ->
                    a.withVolumeFetch(
                            (volumes, log) -> offMachine().volumeFetch().ensure(volumes, log))
                        .restore(e.params().asMap(), e::log)));
    framework.observeAction(
        "backup-catalog", e -> act(e, a -> offMachine().backupCatalog(this::console, catalog())));
    framework.observeAction(
        "recover-catalog",
        e -> {
          act(
              e,
              a ->
                  offMachine()
                      .recoverCatalog(e.params().asMap(), this::console, catalog(), e::log));
          // The recovered clients' Client resources go into the Director now, not at the next hook,
          // so that a restore of a client gone before the loss can follow at once.
          reconcile();
        });
    framework.observeAction("list-clients", e -> act(e, ServerActions::listClients));
    framework.observeAction("verify", e -> act(e, a -> a.verify(e.params().asMap(), e::log)));
    framework.observeAction("forget-client", e -> act(e, a -> forgetClient(e.params().asMap())));
    framework.observeAction(
        "rotate-passwords",
        e -> act(e, a -> PasswordRotation.run(model(), ClientBags.ENDPOINT, this::console)));
    framework.observeAction(
        "get-master-key",
        e -> act(e, a -> new MasterKeyActions(model()).export(e.params().asMap())));
    framework.observeAction(
        "import-master-key",
        e -> {
          act(e, a -> new MasterKeyActions(model()).importFrom(e.params().asMap()));
          reconcile();
        });
  }

  /** Entry point run by {@code dispatch}. */
  public static void main(String[] args) {
    Main.run(BaculaServerCharm::new);
  }

  private void reconcile() {
    if (framework().isTraining()) {
      return;
    }
    statuses.clear();
    statuses.addAll(new Reconciler(model(), framework().stored(), workload).run());
  }

  private void collectStatus(CollectStatusEvent event) {
    statuses.forEach(event::addStatus);
  }

  /**
   * Runs one action. Bad parameters and Director failures fail the action with a message saying
   * what to do; results known at that point are still reported.
   */
  private void act(ActionEvent event, Function<ServerActions, Map<String, Object>> action) {
    if (framework().isTraining()) {
      return;
    }
    if (!unit().isLeader()) {
      event.fail("run actions on the leader: juju run " + app().name() + "/leader " + event.name());
      return;
    }
    try {
      // A daemon that died since the last hook (killed, crashed) is back before any job runs.
      workload
          .ensureDaemonsRunning()
          .forEach(u -> event.log("started " + u + ", which was not running"));
      event.setResults(action.apply(actions()));
    } catch (ActionFailedException e) {
      if (!e.results().isEmpty()) {
        event.setResults(e.results());
      }
      event.fail(e.getMessage());
    } catch (ServerProblem e) {
      // Bad parameters, a bucket or catalog copy that failed: the message says what to fix.
      event.fail(e.getMessage());
    } catch (DirectorAnswerException e) {
      // The Director's own answer to a job or catalog request, quoted: as an action's failure.
      event.fail(e.getMessage());
    } catch (UnexpectedReplyException e) {
      event.fail("the Bacula Director refused: " + e.getMessage());
    } catch (HostException e) {
      // systemctl or another machine command, not the Director: its own words say what to fix.
      event.fail(e.getMessage());
    } catch (BaculaException e) {
      event.fail(
          "cannot talk to the Bacula Director: "
              + e.getMessage()
              + "; check the unit's status and /var/log/bacula/bacula.log");
    } catch (IllegalStateException e) {
      event.fail(e.getMessage());
    }
  }

  private OffMachine offMachine() {
    return new OffMachine(model(), framework().stored(), workload);
  }

  /** Adds the off-machine copy's part to an action's results. */
  private Map<String, Object> offMachine(
      Map<String, Object> results, BiConsumer<OffMachine, Map<String, Object>> addition) {
    Map<String, Object> out = new LinkedHashMap<>(results);
    addition.accept(offMachine(), out);
    return out;
  }

  /** Each listed backup gets its {@code copy} state. */
  @SuppressWarnings("unchecked")
  private void withCopyStates(OffMachine offMachine, Map<String, Object> results) {
    Map<String, Object> backups = new LinkedHashMap<>((Map<String, Object>) results.get("backups"));
    List<Long> ids =
        backups.keySet().stream().map(k -> Long.parseLong(k.substring("job-".length()))).toList();
    Map<Long, String> states = offMachine.copyStates(this::console, ids);
    backups.replaceAll(
        (key, value) -> {
          Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) value);
          entry.put(
              "copy",
              states.getOrDefault(Long.parseLong(key.substring("job-".length())), "unknown"));
          return entry;
        });
    results.put("backups", backups);
  }

  /** The catalog the Director uses now (SQLite, or PostgreSQL from the database relation). */
  private CatalogDatabase catalog() {
    return new Reconciler(model(), framework().stored(), workload)
        .catalog()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the catalog is not ready (see the unit's status); run the action again once it"
                        + " is active"));
  }

  private Director console() {
    String address =
        model()
            .network(ClientBags.ENDPOINT)
            .ingressAddress()
            .orElseThrow(() -> new BaculaException("the unit has no ingress address yet"));
    String password =
        new PasswordSecrets(model())
            .password(PasswordSecrets.CONSOLE, "Password of the Bacula Director's console")
            .orElseThrow(
                () -> new BaculaException("the console password secret does not exist yet"));
    return workload.console(address, password);
  }

  private Map<String, Object> forgetClient(Map<String, ?> params) {
    var store = LeaderValue.bindings(model(), framework().stored());
    var history = LeaderValue.history(model(), framework().stored());
    return ForgetClient.run(
        params,
        ClientBags.bindings(model(), framework().stored()),
        store::write,
        history.read(),
        history::write);
  }

  private ServerActions actions() {
    var clients = ClientBags.read(model(), ClientBags.bindings(model(), framework().stored()));
    var history = LeaderValue.history(model(), framework().stored()).read();
    var selector =
        new ClientSelector(
            clients.ready(), history.notIn(clients.ready()), model().name(), model().uuid());
    return new ServerActions(
            clients,
            history,
            selector,
            workload::ensureDaemonsRunning,
            this::console,
            client ->
                new PasswordSecrets(model())
                    .clientPassword(
                        model().relation(ClientBags.ENDPOINT, client.relationId()), client.unit()))
        .withProbeTls(
            client ->
                UnitPasswords.requiresTls(
                        model()
                            .relation(ClientBags.ENDPOINT, client.relationId())
                            .remoteUnitData(model().unitNamed(client.unit()))
                            .asMap())
                    ? workload.tls().flatMap(t -> t.context())
                    : Optional.empty())
        .withRestoreKeys(new EncryptedRestores(model(), ClientBags.ENDPOINT));
  }
}
