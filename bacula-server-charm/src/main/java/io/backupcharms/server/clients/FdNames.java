package io.backupcharms.server.clients;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which backed-up unit a File Daemon stands for. Juju does not show the server the principal of a
 * related subordinate, so the only source is the name the File Daemon publishes, which anyone
 * related over {@code bacula-dir} can choose. A claim is believed only when it has Canonical's
 * format for this model ({@code relation-<model>-<principal with / as ->-<last uuid block>-fd}) and
 * names a unit of another application than the sender's: a subordinate never belongs to its
 * principal's application, so a sender naming a unit of its own application is not a File Daemon
 * naming its principal. Uniqueness of names is enforced by {@link Clients#read}; everything else is
 * attributed to the sending unit itself.
 */
public final class FdNames {

  private static final Pattern UNIT = Pattern.compile("([a-z][a-z0-9-]*)-([0-9]+)");

  private final String prefix;
  private final String suffix;

  /**
   * @param modelName {@code JUJU_MODEL_NAME}
   * @param modelUuid {@code JUJU_MODEL_UUID}
   */
  public FdNames(String modelName, String modelUuid) {
    int dash = modelUuid.lastIndexOf('-');
    this.prefix = "relation-" + modelName + "-";
    this.suffix = "-" + (dash < 0 ? modelUuid : modelUuid.substring(dash + 1)) + "-fd";
  }

  /** The name Canonical's bacula-fd publishes next to {@code principal}, e.g. {@code myapp/0}. */
  public String expectedName(String principal) {
    return prefix + principal.replace('/', '-') + suffix;
  }

  /**
   * The principal unit {@code sender} stands for, when its {@code name} claims one believably.
   *
   * @param name the File Daemon name the sender published
   * @param sender the remote unit that published it, e.g. {@code bacula-fd/0}
   */
  public Optional<String> principal(String name, String sender) {
    if (!name.startsWith(prefix)
        || !name.endsWith(suffix)
        || name.length() <= prefix.length() + suffix.length()) {
      return Optional.empty();
    }
    Matcher m = UNIT.matcher(name.substring(prefix.length(), name.length() - suffix.length()));
    if (!m.matches()) {
      return Optional.empty();
    }
    String app = m.group(1);
    if (app.equals(sender.substring(0, sender.indexOf('/')))) {
      return Optional.empty();
    }
    return Optional.of(app + "/" + m.group(2));
  }

  /** The unit a client is attributed to: its believable principal, else the sender itself. */
  public String attributedUnit(String name, String sender) {
    return principal(name, sender).orElse(sender);
  }
}
