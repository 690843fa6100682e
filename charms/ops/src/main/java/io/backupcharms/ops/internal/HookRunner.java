package io.backupcharms.ops.internal;

import io.backupcharms.ops.CharmBase;
import io.backupcharms.ops.Framework;
import io.backupcharms.ops.hooktools.HookTools;
import io.backupcharms.ops.hooktools.ProcessHookTools;
import io.backupcharms.ops.log.JujuLogTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Function;

/** A real hook: the process environment, real hook tools, state in the charm directory. */
public final class HookRunner {
  private HookRunner() {}

  /**
   * Runs the hook described by {@code env} and returns the process exit code: 0, or 1 after
   * reporting the failure on stderr and (if it works) through {@code juju-log}.
   */
  public static int run(Function<Framework, ? extends CharmBase> factory, Map<String, String> env) {
    return run(factory, env, false);
  }

  /**
   * As {@link #run(Function, Map)}; {@code training} is what {@code Framework.isTraining()} says.
   */
  static int run(
      Function<Framework, ? extends CharmBase> factory, Map<String, String> env, boolean training) {
    preferVfork();
    ProcessHookTools tools = new ProcessHookTools(env);
    JujuLogTarget.set(tools);
    String what = env.getOrDefault("JUJU_DISPATCH_PATH", "(no JUJU_DISPATCH_PATH)");
    try {
      HookEnvironment hook = HookEnvironment.from(env);
      Dispatcher.dispatch(
          hook,
          tools,
          new FileStateStore(hook.charmDir()),
          () -> MetadataLoader.load(hook.charmDir()),
          factory,
          training);
      return 0;
    } catch (DispatchError e) {
      report(tools, "ERROR " + e.getMessage(), false);
      return 1;
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      report(tools, "ERROR " + what + " failed: " + e + "\n" + trace, true);
      return 1;
    }
  }

  /**
   * Starts hook tools with vfork unless the launcher chose otherwise: JDK 17's default on Linux
   * (posix_spawn) execs a helper before the tool, an extra exec on each of a hook's 5-10 tool
   * calls. Must run before the first process starts, when the JDK reads the property. JDK 25
   * deprecates vfork and prints a warning on stderr at every start with it, so from 25 on the JDK's
   * default stays.
   */
  static void preferVfork() {
    if (System.getProperty("jdk.lang.Process.launchMechanism") == null
        && System.getProperty("os.name", "").startsWith("Linux")
        && Runtime.version().feature() < 25) {
      System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
    }
  }

  private static void report(HookTools tools, String message, boolean toJujuLog) {
    System.err.println(message);
    if (toJujuLog) {
      try {
        tools.jujuLog("ERROR", message);
      } catch (RuntimeException ignored) {
        // stderr above already reached the unit log; juju-log is only a convenience.
      }
    }
  }
}
