package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.hooks.Hook;
import io.backupcharms.localjuju.machine.MachineHost;
import io.backupcharms.localjuju.model.ActionState;
import io.backupcharms.localjuju.model.MachineState;
import io.backupcharms.localjuju.model.ModelState;
import io.backupcharms.localjuju.model.RelationState;
import io.backupcharms.localjuju.model.UnitState;
import io.backupcharms.localjuju.tools.Commit;
import io.backupcharms.localjuju.tools.HookContext;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs one hook or action of a unit inside its machine, holding the machine's lock, then commits or
 * fails it as Juju does.
 */
final class HookExecution {
  /**
   * Juju has no hook timeout; this bound only stops a hung hook from hanging a test run forever.
   */
  private static final long HOOK_TIMEOUT_MIN = 60;

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Controller c;

  HookExecution(Controller c) {
    this.c = c;
  }

  /** A prepared run: the context, the environment and where. */
  record Prepared(
      HookContext ctx,
      Map<String, String> env,
      long holderPid,
      Path charmDir,
      String dispatchPath) {}

  boolean run(String unit, Hook hook) {
    String machine;
    synchronized (c.st) {
      UnitState u = c.st.unit(unit);
      if (u == null) {
        return true;
      }
      machine = u.machine;
    }
    return c.machineLock.holding(machine, unit, hook, () -> runHolding(unit, hook));
  }

  private boolean runHolding(String unit, Hook hook) {
    Prepared p;
    ModelState st = c.st;
    synchronized (st) {
      UnitState u = st.unit(unit);
      if (u == null) {
        return true;
      }
      p = prepare(u, hook);
      before(u, hook);
      c.save();
    }
    int rc;
    try {
      rc = execute(p);
    } catch (IOException e) {
      c.log(unit, "ERROR", "localjuju", "cannot run " + hook.name() + ": " + e.getMessage());
      rc = 1;
    }
    synchronized (st) {
      c.contexts.remove(p.ctx.token());
      UnitState u = st.unit(unit);
      if (u == null) {
        return true;
      }
      String now = Instant.now().toString();
      u.agentStatus = "idle";
      u.agentMessage = "";
      u.agentSince = now;
      if (hook.isAction()) {
        finishAction(p, rc);
        // Juju's uniter flushes an action's context as a hook's: a zero exit commits its
        // relation data, secrets, ports and status, even when the action called action-fail.
        if (rc == 0) {
          for (Commit.Queued q : Commit.apply(p.ctx)) {
            c.queue(q.unit(), q.hook());
          }
        }
        c.save();
        return true;
      }
      if (rc != 0) {
        u.failedHook = hook.name();
        u.agentSince = now;
        c.log(
            unit,
            "ERROR",
            "juju.worker.uniter.operation",
            "hook \""
                + hook.name()
                + "\" (via "
                + (Files.exists(p.charmDir.resolve("dispatch"))
                    ? "explicit, bespoke hook script"
                    : "hook script")
                + ") failed: exit status "
                + rc);
        c.save();
        return false;
      }
      u.failedHook = "";
      for (Commit.Queued q : Commit.apply(p.ctx)) {
        c.queue(q.unit(), q.hook());
      }
      after(u, hook);
      c.save();
      return true;
    }
  }

  private Prepared prepare(UnitState u, Hook hook) {
    String token =
        u.name.replace('/', '-')
            + "-"
            + hook.name()
            + "-"
            + HexFormat.of().formatHex(randomBytes());
    ActionState action = hook.isAction() ? c.st.actions.get(hook.actionId()) : null;
    HookContext ctx = new HookContext(token, u.name, hook, c, action);
    c.contexts.put(token, ctx);
    MachineState m = c.st.machines.get(u.machine);
    Path charmDir = c.modelDir.resolve("units").resolve(u.name.replace('/', '-')).resolve("charm");
    String dispatchPath = (hook.isAction() ? "actions/" : "hooks/") + hook.name();
    Map<String, String> env = new TreeMap<>();
    env.put("JUJU_DISPATCH_PATH", dispatchPath);
    env.put("JUJU_HOOK_NAME", hook.isAction() ? "" : hook.name());
    env.put("JUJU_UNIT_NAME", u.name);
    env.put("JUJU_MODEL_NAME", c.st.name);
    env.put("JUJU_MODEL_UUID", c.st.uuid);
    env.put("JUJU_VERSION", Lifecycle.JUJU_VERSION);
    env.put("JUJU_CHARM_DIR", charmDir.toString());
    env.put("CHARM_DIR", charmDir.toString());
    env.put("JUJU_CONTEXT_ID", token);
    env.put("JUJU_AGENT_SOCKET_ADDRESS", c.modelDir.resolve("agent.sock").toString());
    env.put("JUJU_AGENT_SOCKET_NETWORK", "unix");
    env.put("JUJU_MACHINE_ID", u.machine);
    env.put("JUJU_PRINCIPAL_UNIT", u.principal);
    env.put("JUJU_AVAILABILITY_ZONE", "");
    env.put("JUJU_API_ADDRESSES", "127.0.0.1:17070");
    env.put("LANG", "C.UTF-8");
    env.put("DEBIAN_FRONTEND", "noninteractive");
    env.put("PATH", c.toolsDir + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    if (hook.relationId() >= 0) {
      env.put("JUJU_RELATION", hook.endpoint());
      env.put("JUJU_RELATION_ID", hook.endpoint() + ":" + hook.relationId());
      env.put("JUJU_REMOTE_UNIT", hook.remoteUnit());
      env.put("JUJU_REMOTE_APP", hook.remoteApp());
      if (!hook.departingUnit().isEmpty()) {
        env.put("JUJU_DEPARTING_UNIT", hook.departingUnit());
      }
    }
    if (!hook.secretId().isEmpty()) {
      env.put("JUJU_SECRET_ID", hook.secretId());
      env.put("JUJU_SECRET_LABEL", hook.secretLabel());
      if (hook.secretRevision() > 0) {
        env.put("JUJU_SECRET_REVISION", Integer.toString(hook.secretRevision()));
      }
    }
    if (action != null) {
      env.put("JUJU_ACTION_NAME", action.name);
      env.put("JUJU_ACTION_UUID", action.id);
      env.put("JUJU_ACTION_TAG", "action-" + action.id);
    }
    return new Prepared(ctx, env, m.holderPid, charmDir, dispatchPath);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }

  /** Relation membership changes as the hook starts, as Juju's relation-list shows them. */
  private void before(UnitState u, Hook hook) {
    String now = Instant.now().toString();
    u.agentStatus = "executing";
    u.agentMessage =
        hook.isAction() ? "running action " + hook.name() : "running " + hook.name() + " hook";
    u.agentSince = now;
    if (hook.name().equals("install") && u.workloadStatus.equals("waiting")) {
      u.workloadStatus = "maintenance";
      u.workloadMessage = "installing charm software";
      u.workloadSince = now;
    }
    RelationState r = hook.relationId() >= 0 ? c.st.relations.get(hook.relationId()) : null;
    if (r != null) {
      TreeSet<String> seen = r.joined.computeIfAbsent(u.name, k -> new TreeSet<>());
      if (hook.name().endsWith("-relation-joined")) {
        seen.add(hook.remoteUnit());
      } else if (hook.name().endsWith("-relation-departed")) {
        seen.remove(hook.remoteUnit());
      } else if (hook.name().endsWith("-relation-broken")) {
        seen.clear();
      }
    }
    if (hook.isAction()) {
      ActionState a = c.st.actions.get(hook.actionId());
      a.status = "running";
      a.started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
  }

  private void after(UnitState u, Hook hook) {
    if (hook.name().equals("start")) {
      u.started = true;
      if (u.workloadStatus.equals("maintenance")
          && u.workloadMessage.equals("installing charm software")) {
        u.workloadStatus = "unknown";
        u.workloadMessage = "";
        u.workloadSince = Instant.now().toString();
      }
    }
    if (hook.name().endsWith("-relation-broken")) {
      c.teardown.relationBrokenDone(u.name, hook.relationId());
    }
    if (hook.name().equals("remove")) {
      c.teardown.unitRemoved(u.name);
    }
  }

  private void finishAction(Prepared p, int rc) {
    ActionState a = c.st.actions.get(p.ctx.hook().actionId());
    a.completed = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    a.returnCode = rc;
    if (rc != 0) {
      a.status = "failed";
      if (a.message.isEmpty()) {
        a.message = "exit status " + rc;
      }
    } else if (!a.status.equals("failed")) {
      a.status = "completed";
    }
  }

  private int execute(Prepared p) throws IOException {
    Path exe = p.charmDir.resolve("dispatch");
    if (!Files.isRegularFile(exe)) {
      exe = p.charmDir.resolve(p.dispatchPath);
      if (!Files.exists(exe)) {
        return 0;
      }
    }
    if (!MachineHost.isAlive(p.holderPid)) {
      throw new IOException(
          "machine of " + p.ctx.unit() + " is not running (PID 1 " + p.holderPid + " gone)");
    }
    List<String> cmd = new ArrayList<>(MachineHost.enter(p.holderPid, p.charmDir.toString()));
    cmd.add(exe.toString());
    Path runDir = c.modelDir.resolve("run");
    Files.createDirectories(runDir);
    File out = runDir.resolve(p.ctx.token() + ".out").toFile();
    File err = runDir.resolve(p.ctx.token() + ".err").toFile();
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(p.charmDir.toFile());
    pb.environment().clear();
    pb.environment().putAll(p.env);
    // Files, not pipes: a daemon started by the hook keeps its inherited descriptors, and must not
    // keep the hook "running" by holding a pipe open.
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(out).redirectError(err);
    Process proc = pb.start();
    int rc;
    try {
      if (!proc.waitFor(HOOK_TIMEOUT_MIN, TimeUnit.MINUTES)) {
        proc.destroyForcibly();
        c.log(
            p.ctx.unit(),
            "ERROR",
            "localjuju",
            p.ctx.hook().name() + " killed after " + HOOK_TIMEOUT_MIN + " min");
        rc = 124;
      } else {
        rc = proc.exitValue();
      }
    } catch (InterruptedException e) {
      proc.destroyForcibly();
      Thread.currentThread().interrupt();
      rc = 130;
    }
    String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    Files.deleteIfExists(out.toPath());
    Files.deleteIfExists(err.toPath());
    String source = p.ctx.hook().isAction() ? "action." + p.ctx.hook().name() : p.ctx.hook().name();
    c.log(p.ctx.unit(), "DEBUG", source, stdout);
    c.log(p.ctx.unit(), "WARNING", source, stderr);
    if (p.ctx.hook().isAction()) {
      synchronized (c.st) {
        ActionState a = c.st.actions.get(p.ctx.hook().actionId());
        a.stdout = stdout;
        a.stderr = stderr;
      }
    }
    return rc;
  }
}
