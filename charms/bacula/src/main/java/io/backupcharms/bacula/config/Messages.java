package io.backupcharms.bacula.config;

import java.util.List;

/**
 * A Messages resource. Never sends mail (see {@link MessageDestination}).
 *
 * @param name the resource name, e.g. {@code Standard}
 * @param destinations where messages go
 */
public record Messages(String name, List<MessageDestination> destinations) {
  public Messages {
    String r = "Messages \"" + name + "\"";
    Check.name("Messages", "Name", name);
    destinations = Check.list(r, "destinations", destinations);
  }

  /**
   * The Director's usual set: console (what {@code messages} drains), a log file, and the catalog
   * (so job logs are listed).
   */
  public static Messages standard(String name, String logFile) {
    return new Messages(
        name,
        List.of(
            new MessageDestination(
                MessageDestination.Kind.CONSOLE, null, List.of("all", "!skipped", "!saved")),
            new MessageDestination(
                MessageDestination.Kind.APPEND, logFile, List.of("all", "!skipped")),
            new MessageDestination(MessageDestination.Kind.CATALOG, null, List.of("all"))));
  }

  /** A File or Storage Daemon's set: everything but skipped and restored files to the Director. */
  public static Messages toDirector(String name, String directorName) {
    return new Messages(
        name,
        List.of(
            new MessageDestination(
                MessageDestination.Kind.DIRECTOR,
                directorName,
                List.of("all", "!skipped", "!restored"))));
  }
}
