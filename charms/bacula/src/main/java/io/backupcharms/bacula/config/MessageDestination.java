package io.backupcharms.bacula.config;

import java.util.List;
import java.util.Set;

/**
 * Where a Messages resource sends messages of some types. There is deliberately no mail
 * destination: the Director package pulls in a mail transport, and the charms keep mail out.
 *
 * @param kind the destination
 * @param target the file (APPEND, FILE) or Director name (DIRECTOR), else null
 * @param types message types, each optionally negated: {@code all}, {@code !skipped}...
 */
public record MessageDestination(Kind kind, String target, List<String> types) {
  /**
   * Every type some supported Bacula version has (lib/parse_conf.c {@code msg_types}); the renderer
   * leaves out or refuses those the installed version lacks ({@link
   * BaculaVersion#acceptsMessageType}).
   */
  private static final Set<String> TYPES =
      Set.of(
          "all",
          "debug",
          "info",
          "warning",
          "error",
          "fatal",
          "terminate",
          "saved",
          "notsaved",
          "skipped",
          "mount",
          "restored",
          "security",
          "alert",
          "volmgmt",
          "errorterm",
          "abort",
          "events",
          "verified");

  public MessageDestination {
    Check.present("Messages destination", "kind", kind);
    types = Check.list("Messages destination " + kind, "types", types);
    if (types.isEmpty()) {
      throw new InvalidConfigException(
          "Messages destination " + kind + ": no message types; use e.g. all, !skipped");
    }
    for (String t : types) {
      String bare = t.startsWith("!") ? t.substring(1) : t;
      if (!TYPES.contains(bare)) {
        throw new InvalidConfigException(
            "Messages destination "
                + kind
                + ": \""
                + Check.printable(t)
                + "\" is not a message type; use one of "
                + TYPES.stream().sorted().toList());
      }
    }
    switch (kind) {
      case APPEND:
      case FILE:
        Check.absolutePath("Messages destination " + kind, "file", target);
        break;
      case DIRECTOR:
        Check.name("Messages destination " + kind, "Director", target);
        break;
      default:
        if (target != null) {
          throw new InvalidConfigException("Messages destination " + kind + " takes no target");
        }
    }
  }

  /** Destinations Bacula offers, mail excepted. */
  public enum Kind {
    CONSOLE("console"),
    CATALOG("catalog"),
    APPEND("append"),
    FILE("file"),
    DIRECTOR("director"),
    STDOUT("stdout"),
    SYSLOG("syslog");

    private final String bacula;

    Kind(String bacula) {
      this.bacula = bacula;
    }

    /** The keyword Bacula reads. */
    public String baculaName() {
      return bacula;
    }
  }
}
