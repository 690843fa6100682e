package io.backupcharms.ops;

import io.backupcharms.ops.internal.HookRunner;
import io.backupcharms.ops.internal.TrainingRun;
import java.util.function.Function;

/**
 * The entry point of a charm:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Main.run(MyCharm::new);
 * }
 * }</pre>
 *
 * <p>Reads the hook environment, maps {@code JUJU_DISPATCH_PATH} to an event (unknown hooks are
 * ignored), constructs the charm, re-emits deferred events, emits the event, runs collect-status,
 * commits stored state, and exits: 0, or 1 after reporting the failure (Juju then retries the
 * hook). With {@code -Dops.training=true} it instead runs the class-loading training used to build
 * the charm's AppCDS archive (see the module README).
 */
public final class Main {
  private Main() {}

  /** Runs the current hook (or the training run) and exits the JVM. */
  public static void run(Function<Framework, ? extends CharmBase> charmFactory) {
    int code =
        Boolean.getBoolean("ops.training")
            ? TrainingRun.run(charmFactory)
            : HookRunner.run(charmFactory, System.getenv());
    System.exit(code);
  }
}
