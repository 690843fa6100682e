package io.backupcharms.fd.plan;

/**
 * What the operator sees of one hook: a level and a message saying what the unit does, or what
 * stops it and what to do. The charm turns it into the unit's status, in one place.
 *
 * @param level how the status reads in {@code juju status}
 * @param message the status message
 */
public record Outcome(Level level, String message) {
  /** The unit status levels this charm reports at the end of a hook. */
  public enum Level {
    ACTIVE,
    WAITING,
    BLOCKED
  }

  /** Serving, or serving with a note. */
  public static Outcome active(String message) {
    return new Outcome(Level.ACTIVE, message);
  }

  /** Missing something another charm or Juju provides in time; the next hook looks again. */
  public static Outcome waiting(String message) {
    return new Outcome(Level.WAITING, message);
  }

  /** Stopped by something an operator must fix; the message says what. */
  public static Outcome blocked(String message) {
    return new Outcome(Level.BLOCKED, message);
  }
}
