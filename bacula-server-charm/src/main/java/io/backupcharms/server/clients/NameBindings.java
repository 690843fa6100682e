package io.backupcharms.server.clients;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which File Daemon unit each client name first came from, so no other unit can take the name over
 * and receive that client's restores: not a unit of another application when the genuine File
 * Daemon's relation is gone, and not a sibling of the same application (which could redirect {@code
 * restore client=myapp/0} onto its own machine), while the owner is related or gone. A later
 * claimant is left out and the owner keeps the name. Trust on first use: the binding is made when a
 * client is first accepted and kept while the File Daemon application that sent it stays related,
 * with units or without (a lost machine's unit is gone, its application is not), until the operator
 * lifts it with the {@code forget-client} action. Once that application's relation is removed, its
 * names are free again ({@link #ofRelated}). Keyed by the client's stem ({@link
 * ClientSpec#stem()}); stems and unit names contain neither {@code =} nor {@code ,}, so the stored
 * form is {@code stem=unit,stem=unit}. Servers before this kept the application ({@code stem=app});
 * such an entry admits any unit of that application and is narrowed to the unit it next accepts.
 *
 * @param owners stem to the owning File Daemon unit, or (stored by older servers) its application
 */
public record NameBindings(Map<String, String> owners) {

  /** No name bound yet. */
  public static final NameBindings NONE = new NameBindings(Map.of());

  public NameBindings {
    owners = Map.copyOf(owners);
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
    new TreeMap<>(owners)
        .forEach(
            (stem, owner) ->
                out.append(out.length() == 0 ? "" : ",").append(stem).append('=').append(owner));
    return out.toString();
  }

  /** The unit (or, bound by an older server, the application) a name belongs to, if any. */
  public Optional<String> ownerOf(String stem) {
    return Optional.ofNullable(owners.get(stem));
  }

  /** The application a name is bound to, if any. */
  public Optional<String> applicationOf(String stem) {
    return ownerOf(stem).map(NameBindings::application);
  }

  /** Whether {@code unit} may use the name {@code stem}: it is unbound, or bound to that unit. */
  public boolean admits(String stem, String unit) {
    String owner = owners.get(stem);
    return owner == null
        || owner.equals(unit)
        || (!owner.contains("/") && owner.equals(application(unit)));
  }

  /** These bindings with every accepted client bound to its unit, unless bound already. */
  public NameBindings withClients(List<ClientSpec> clients) {
    Map<String, String> out = new TreeMap<>(owners);
    for (ClientSpec c : clients) {
      String owner = out.get(c.stem());
      if (owner == null || !owner.contains("/")) {
        out.put(c.stem(), c.unit());
      }
    }
    return new NameBindings(out);
  }

  /**
   * These bindings without the names whose File Daemon application is no longer related: the
   * application left, so no restore of its names needs protecting from its siblings, and a binding
   * kept for good would leave a redeployed or genuine claimant out until the operator ran {@code
   * forget-client}.
   *
   * @param relatedApplications the remote applications of the {@code bacula-dir} relations now
   */
  public NameBindings ofRelated(Set<String> relatedApplications) {
    Map<String, String> out = new TreeMap<>(owners);
    out.values().removeIf(owner -> !relatedApplications.contains(application(owner)));
    return out.size() == owners.size() ? this : new NameBindings(out);
  }

  /** These bindings without the one of {@code stem}. */
  public NameBindings without(String stem) {
    Map<String, String> out = new TreeMap<>(owners);
    out.remove(stem);
    return new NameBindings(out);
  }

  /** {@code bacula-fd} for {@code bacula-fd/0}. */
  public static String application(String unit) {
    int slash = unit.indexOf('/');
    return slash < 0 ? unit : unit.substring(0, slash);
  }
}
