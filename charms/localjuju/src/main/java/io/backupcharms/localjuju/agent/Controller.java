package io.backupcharms.localjuju.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.charm.CharmReader;
import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.hooks.UnitQueue;
import io.backupcharms.localjuju.machine.MachineHost;
import io.backupcharms.localjuju.model.ModelState;
import io.backupcharms.localjuju.tools.Agent;
import io.backupcharms.localjuju.tools.HookContext;
import io.backupcharms.localjuju.tools.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One model's controller: its state (saved to {@code state.json} after each change), machines, unit
 * queues, running hook contexts and log. The {@link ModelState} instance is the lock.
 */
public final class Controller implements Agent {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  final Path home;
  final Path modelDir;
  final ModelState st;
  final MachineHost machines;
  final Map<String, UnitQueue> queues = new ConcurrentHashMap<>();
  final Map<String, HookContext> contexts = new ConcurrentHashMap<>();
  private final Map<String, CharmMeta> metas = new ConcurrentHashMap<>();
  final Lifecycle lifecycle;
  final Teardown teardown;
  final HookExecution execution;
  final MachineLock machineLock;
  private final HookRetry retry;
  final Path toolsDir;

  Controller(Path home, Path modelDir) throws IOException {
    this.home = home;
    this.modelDir = modelDir;
    this.st = JSON.readValue(modelDir.resolve("state.json").toFile(), ModelState.class);
    this.machines = new MachineHost(home);
    this.toolsDir = installTools(home);
    this.lifecycle = new Lifecycle(this);
    this.teardown = new Teardown(this);
    this.execution = new HookExecution(this);
    this.machineLock = new MachineLock(modelDir.resolve("machines"));
    this.retry = new HookRetry(this);
  }

  /** Puts the tool client, a link per tool name and the systemctl shim into home/tools. */
  static Path installTools(Path home) throws IOException {
    Path dir = home.resolve("tools");
    Files.createDirectories(dir);
    copyResource("/io/backupcharms/localjuju/tools/hook-tool.pl", dir.resolve("hook-tool"));
    copyResource("/io/backupcharms/localjuju/tools/systemctl.pl", dir.resolve("systemctl"));
    for (String name : Tools.NAMES) {
      Path link = dir.resolve(name);
      if (!Files.isSymbolicLink(link)) {
        Files.deleteIfExists(link);
        try {
          Files.createSymbolicLink(link, Path.of("hook-tool"));
        } catch (FileAlreadyExistsException e) {
          // Another controller of this home made the same link just now.
        }
      }
    }
    return dir;
  }

  private static void copyResource(String name, Path target) throws IOException {
    // Several controllers of one home may start at once: each writes its own temporary file.
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp" + ProcessHandle.current().pid());
    try (InputStream in = Controller.class.getResourceAsStream(name)) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    tmp.toFile().setExecutable(true, false);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public ModelState state() {
    return st;
  }

  @Override
  public CharmMeta meta(String app) {
    return metas.computeIfAbsent(
        app,
        a -> {
          try {
            return CharmReader.read(Path.of(st.applications.get(a).charmDir));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Override
  public long grantDelayMillis() {
    return st.grantDelay.isEmpty() ? 0 : Durations.millis(st.grantDelay);
  }

  void forgetMeta(String app) {
    metas.remove(app);
  }

  @Override
  public void log(String unit, String level, String source, String message) {
    String prefix =
        "unit-"
            + unit.replace('/', '-')
            + ": "
            + LocalTime.now().format(TIME)
            + " "
            + level
            + " unit."
            + unit
            + "."
            + source
            + " ";
    StringBuilder sb = new StringBuilder();
    for (String line : message.split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append(prefix).append(line).append('\n');
      }
    }
    appendLog(sb.toString());
  }

  synchronized void appendLog(String text) {
    try {
      Files.writeString(
          modelDir.resolve("debug.log"),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("cannot write debug.log: " + e);
    }
  }

  /** Saves the state; call with the lock held. */
  void save() {
    try {
      Path tmp = modelDir.resolve("state.json.tmp");
      JSON.writeValue(tmp.toFile(), st);
      Files.move(
          tmp,
          modelDir.resolve("state.json"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save model state in " + modelDir, e);
    }
  }

  /** Queues hooks on a unit, creating its queue on first use. */
  void queue(String unit, List<Hook> hooks) {
    if (st.unit(unit) == null) {
      return;
    }
    queues.computeIfAbsent(unit, u -> new UnitQueue(u, execution::run, retry)).add(hooks);
  }

  @Override
  public void queue(String unit, Hook hook) {
    queue(unit, List.of(hook));
  }

  /** Waits until every unit's queue is idle or stopped on an error; false on timeout. */
  boolean awaitSettled(long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (true) {
      boolean all = true;
      for (UnitQueue q : List.copyOf(queues.values())) {
        if (!q.awaitSettled(Math.max(1, end - System.currentTimeMillis()))) {
          return false;
        }
      }
      // Settling one queue may queue hooks on another; look again until a full pass is quiet.
      for (UnitQueue q : List.copyOf(queues.values())) {
        if (!q.isIdle() && !q.isSettledInError()) {
          all = false;
        }
      }
      if (all) {
        return true;
      }
      if (System.currentTimeMillis() > end) {
        return false;
      }
    }
  }
}
