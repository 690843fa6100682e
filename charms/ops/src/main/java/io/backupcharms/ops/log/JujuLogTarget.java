package io.backupcharms.ops.log;

import io.backupcharms.ops.hooktools.HookTools;

/**
 * Where log records go: the hook tools of the running hook. Kept apart from the appender so that
 * setting it does not load Logback; Logback starts only when a charm first logs.
 */
public final class JujuLogTarget {
  private static volatile HookTools tools;

  private JujuLogTarget() {}

  /** Sends later log records through these tools' {@code juju-log}; null sends them to stderr. */
  public static void set(HookTools target) {
    tools = target;
  }

  static HookTools get() {
    return tools;
  }
}
