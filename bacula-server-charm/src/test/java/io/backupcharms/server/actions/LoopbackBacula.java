package io.backupcharms.server.actions;

import io.backupcharms.bacula.apply.CatalogSetup;
import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.config.DirectorAccess;
import io.backupcharms.bacula.config.FileDaemon;
import io.backupcharms.bacula.config.FileDaemonConfig;
import io.backupcharms.bacula.config.Messages;
import io.backupcharms.bacula.console.ConsoleSettings;
import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.DirectorConsole;
import io.backupcharms.bacula.console.NativeDirector;
import io.backupcharms.bacula.render.BaculaRenderer;
import io.backupcharms.bacula.testing.BaculaDaemon;
import io.backupcharms.server.catalog.CatalogDatabase;
import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.Clients;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.clients.RunScripts;
import io.backupcharms.server.config.BaculaPlan;
import io.backupcharms.server.config.PlanBuilder;
import io.backupcharms.server.config.ServerIdentity;
import io.backupcharms.server.config.ServerSettings;
import io.backupcharms.server.workload.FreeSpaceCheck;
import io.backupcharms.server.workload.ServerLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real Director, Storage Daemon and File Daemon on a loopback address of their own, configured by
 * {@link PlanBuilder} for one client that backs up {@link #data}. Started as child processes in the
 * foreground, stopped (and waited for) by {@link #close}.
 */
final class LoopbackBacula implements AutoCloseable {

  static final String CLIENT = "relation-lab-myapp-0-1a2b3c4d5e6f-fd";

  /** A second unit of the same application: the target of restores of {@link #CLIENT}. */
  static final String TARGET = "relation-lab-myapp-1-1a2b3c4d5e6f-fd";

  final Path root;
  final Path data;
  final Path beforeBackup;
  final Path afterRestore;
  final String address;
  final String consolePassword = "console-" + ThreadLocalRandom.current().nextLong(1L << 40);
  final ClientSpec client;
  final ClientSpec target;
  final Path targetAfterRestore;
  private final ServerLayout layout;
  private ServerSettings settings;
  private final ServerIdentity identity;
  private volatile boolean fileDaemonStopped;
  private final List<BaculaDaemon> daemons = new ArrayList<>();
  private final List<Daemon> kinds = new ArrayList<>();
  private final List<Path> configs = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  LoopbackBacula(Path root) throws IOException, InterruptedException {
    this(root, ServerSettings.DEFAULTS);
  }

  /**
   * The lab with {@code settings} from its first configuration on (volume limits apply at
   * labelling).
   */
  LoopbackBacula(Path root, ServerSettings settings) throws IOException, InterruptedException {
    this.root = root;
    this.settings = settings;
    this.data = Files.createDirectories(root.resolve("data"));
    this.address =
        "127."
            + ThreadLocalRandom.current().nextInt(100, 250)
            + "."
            + ThreadLocalRandom.current().nextInt(1, 250)
            + "."
            + ThreadLocalRandom.current().nextInt(2, 250);
    this.beforeBackup = script("before-backup", "#!/bin/sh\nexit 0\n");
    this.afterRestore =
        script("after-restore", "#!/bin/sh\ntouch " + root.resolve("after-restore-ran") + "\n");
    this.client =
        new ClientSpec(
            CLIENT,
            "bacula-fd/0",
            3,
            address,
            9102,
            List.of(data.toString()),
            new RunScripts(
                Optional.of(beforeBackup.toString()),
                Optional.empty(),
                Optional.empty(),
                Optional.of(afterRestore.toString())),
            List.of());
    this.targetAfterRestore =
        script(
            "target-after-restore",
            "#!/bin/sh\ntouch " + root.resolve("target-after-restore-ran") + "\n");
    this.target =
        new ClientSpec(
            TARGET,
            "bacula-fd/1",
            3,
            address,
            9112,
            List.of(data.toString()),
            new RunScripts(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(targetAfterRestore.toString())),
            List.of());
    this.layout = ServerLayout.under(root.resolve("server"));
    Files.createDirectories(layout.volumes());
    Files.createDirectories(layout.pidDirectory());
    Files.createDirectories(layout.logFile().getParent());
    Files.createDirectories(layout.directorConfig().getParent());
    CatalogSetup.createSqlite(layout.workingDirectory(), CatalogDatabase.DATABASE);
    FreeSpaceCheck.install(layout);
    this.identity =
        new ServerIdentity(address, consolePassword, "storage-pw", Map.of(3, "client-pw"));
    BaculaPlan plan = plan(List.of(client, target));
    Files.writeString(layout.directorConfig(), BaculaRenderer.render(plan.director()));
    Files.writeString(layout.storageConfig(), BaculaRenderer.render(plan.storage()));
    start(Daemon.STORAGE, layout.storageConfig(), 9103);
    start(Daemon.FILE, fileDaemonConfig("fd", CLIENT, 9102), 9102);
    start(Daemon.DIRECTOR, layout.directorConfig(), 9101);
    start(Daemon.FILE, fileDaemonConfig("target-fd", TARGET, 9112), 9112);
  }

  /**
   * Renders the Director's configuration for {@code clients}, keeping a Client resource for each of
   * {@code retained}, and reloads it, as a hook does.
   */
  void reconfigure(List<ClientSpec> clients, List<KnownClient> retained) throws IOException {
    Files.writeString(
        layout.directorConfig(), BaculaRenderer.render(plan(clients, retained).director()));
    try (DirectorConsole c = rawConsole()) {
      c.reload();
    }
  }

  /** Renders and reloads the usual clients with {@code min-free-space} at {@code bytes}. */
  void reconfigureWithMinFreeSpace(long bytes) throws IOException {
    ServerSettings d = ServerSettings.DEFAULTS;
    settings =
        new ServerSettings(
            d.fileRetention(),
            d.jobRetention(),
            d.volumeRetention(),
            d.maxVolumeBytes(),
            d.maxConcurrentJobs(),
            bytes,
            d.maxRunsPerDay(),
            d.maxVolumes(),
            d.volumeWait(),
            List.of());
    reconfigure(List.of(client, target), List.of());
  }

  /**
   * The charm's actions for the lab's one client, {@code myapp/0}, polling fast; restores may land
   * under /tmp, where JUnit's directories are.
   */
  ServerActions actions() {
    Clients clients = new Clients(List.of(client), List.of(), List.of());
    ClientSelector selector =
        new ClientSelector(clients.ready(), "lab", "3f2a9c1e-0000-4000-8000-1a2b3c4d5e6f");
    return new ServerActions(
            clients,
            ClientHistory.EMPTY,
            selector,
            this::restartStoppedDaemons,
            this::console,
            c -> Optional.of("client-pw"),
            Duration.ofMillis(250),
            Duration.ofMillis(700))
        .withRestorePlaces(where -> new RestorePlace(where, Optional.empty()));
  }

  /** The server's volume directory. */
  Path volumes() {
    return layout.volumes();
  }

  private BaculaPlan plan(List<ClientSpec> clients) {
    return plan(clients, List.of());
  }

  private BaculaPlan plan(List<ClientSpec> clients, List<KnownClient> retained) {
    return new PlanBuilder(
            settings, identity, new CatalogDatabase.Sqlite(layout.workingDirectory()), layout)
        .withRetained(retained)
        .build(clients);
  }

  private Path fileDaemonConfig(String dir, String name, int port) throws IOException {
    Path work = Files.createDirectories(root.resolve(dir));
    Path config = work.resolve("bacula-fd.conf");
    Files.writeString(
        config,
        BaculaRenderer.render(
            new FileDaemonConfig(
                FileDaemon.of(name, address, port)
                    .withDirectories(work.toString(), work.toString()),
                List.of(DirectorAccess.of(PlanBuilder.DIRECTOR, "client-pw")),
                Messages.toDirector("fd-messages", PlanBuilder.DIRECTOR))));
    return config;
  }

  /** Kills the Storage Daemon with SIGKILL, as a crash would. */
  void killStorageDaemon() throws InterruptedException {
    daemons.get(0).kill();
  }

  /** Starts again every daemon that died, except a File Daemon stopped on purpose; names them. */
  synchronized List<String> restartStoppedDaemons() {
    List<String> started = new ArrayList<>();
    for (int i = 0; i < daemons.size(); i++) {
      if (!daemons.get(i).isAlive() && !(i == 1 && fileDaemonStopped)) {
        Daemon kind = kinds.get(i);
        try {
          daemons.set(i, launch(kind, configs.get(i), ports.get(i)));
          started.add(kind.binary());
        } catch (IOException e) {
          throw new IllegalStateException("cannot restart " + kind.binary() + ": " + e, e);
        }
      }
    }
    return started;
  }

  /** Stops the File Daemon (the others keep running), as when its machine is down. */
  void stopFileDaemon() throws InterruptedException {
    fileDaemonStopped = true;
    daemons.get(1).close();
  }

  /** The Director, as the charm opens it. */
  Director console() {
    return new NativeDirector(rawConsole());
  }

  /** A plain console on the Director, for commands the charm never sends. */
  DirectorConsole rawConsole() {
    return DirectorConsole.connect(ConsoleSettings.of(address, 9101, consolePassword));
  }

  Path script(String name, String text) throws IOException {
    Path p = root.resolve(name);
    Files.writeString(p, text);
    p.toFile().setExecutable(true);
    return p;
  }

  private void start(Daemon kind, Path config, int port) throws IOException {
    kinds.add(kind);
    configs.add(config);
    ports.add(port);
    daemons.add(launch(kind, config, port));
  }

  private BaculaDaemon launch(Daemon kind, Path config, int port) throws IOException {
    return BaculaDaemon.start(kind, config, address, port, root.resolve(kind.binary() + ".log"));
  }

  @Override
  public void close() {
    for (BaculaDaemon daemon : daemons) {
      daemon.close();
    }
  }
}
