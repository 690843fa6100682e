package io.backupcharms.localjuju.hooks;

/** Runs one hook on one unit; the queue stops on false until the unit is resolved. */
@FunctionalInterface
public interface HookRunner {
  /**
   * Runs {@code hook} on {@code unit}; true when it succeeded (or was an action, which never
   * blocks).
   */
  boolean run(String unit, Hook hook);
}
