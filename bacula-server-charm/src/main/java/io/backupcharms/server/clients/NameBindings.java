package io.backupcharms.server.clients;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which application each File Daemon name first came from, so a unit of another application cannot
 * take a name over later (when the genuine File Daemon's relation is gone, say) and receive that
 * client's restores. Trust on first use: the binding is made when a client is first accepted and
 * kept until the operator lifts it with the {@code forget-client} action. Keyed by the client's
 * stem ({@link ClientSpec#stem()}); stems and application names contain neither {@code =} nor
 * {@code ,}, so the stored form is {@code stem=app,stem=app}.
 *
 * @param applications stem to application name
 */
public record NameBindings(Map<String, String> applications) {

  /** No name bound yet. */
  public static final NameBindings NONE = new NameBindings(Map.of());

  public NameBindings {
    applications = Map.copyOf(applications);
  }

  /** Reads the stored form; unreadable entries are dropped (they can only have been bound anew). */
  public static NameBindings parse(String stored) {
    Map<String, String> out = new TreeMap<>();
    for (String entry : stored.split(",")) {
      int eq = entry.indexOf('=');
      if (eq > 0 && eq < entry.length() - 1) {
        out.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return new NameBindings(out);
  }

  /** The stored form, sorted so an unchanged set stores the same string. */
  public String serialize() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(applications).forEach((stem, app) ->
        out.append(out.length() == 0 ? "" : ",").append(stem).append('=').append(app));
    return out.toString();
  }

  /** The application a name is bound to, if any. */
  public Optional<String> applicationOf(String stem) {
    return Optional.ofNullable(applications.get(stem));
  }

  /** These bindings plus one for every client not bound yet, to its sender's application. */
  public NameBindings withClients(List<ClientSpec> clients) {
    Map<String, String> out = new TreeMap<>(applications);
    for (ClientSpec c : clients) {
      out.putIfAbsent(c.stem(), application(c.unit()));
    }
    return new NameBindings(out);
  }

  /** These bindings without the one of {@code stem}. */
  public NameBindings without(String stem) {
    Map<String, String> out = new TreeMap<>(applications);
    out.remove(stem);
    return new NameBindings(out);
  }

  /** {@code bacula-fd} for {@code bacula-fd/0}. */
  public static String application(String unit) {
    int slash = unit.indexOf('/');
    return slash < 0 ? unit : unit.substring(0, slash);
  }
}
