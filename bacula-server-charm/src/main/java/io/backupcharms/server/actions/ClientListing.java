package io.backupcharms.server.actions;

import io.backupcharms.bacula.console.Director;
import io.backupcharms.bacula.console.reply.JobRecord;
import io.backupcharms.server.clients.ClientHistory;
import io.backupcharms.server.clients.ClientReading;
import io.backupcharms.server.clients.ClientSpec;
import io.backupcharms.server.clients.Clients;
import io.backupcharms.server.clients.KnownClient;
import io.backupcharms.server.clients.NameBindings;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code list-clients}: every client the server or the catalog knows, each with its state. {@code
 * active}: related and backed up. {@code left-out}: related, but its data is refused. {@code gone}:
 * no related unit publishes it any more (its unit, machine or relation is gone); its backups stay
 * restorable onto another unit until the operator forgets it. Keyed by the unit a client stands
 * for, with {@code /} as {@code -}, so one search for {@code myapp-0} finds it in any state (a
 * second entry for the same unit gets {@code -2}).
 */
final class ClientListing {

  private final Clients clients;
  private final ClientHistory history;
  private final ClientSelector selector;
  private final Supplier<Director> console;

  ClientListing(
      Clients clients, ClientHistory history, ClientSelector selector, Supplier<Director> console) {
    this.clients = clients;
    this.history = history;
    this.selector = selector;
    this.console = console;
  }

  Map<String, Object> list() {
    Catalog catalog = Catalog.read(console);
    Map<String, Object> list = new LinkedHashMap<>();
    Set<String> listed = new LinkedHashSet<>();
    for (ClientSpec c : clients.ready()) {
      Map<String, Object> entry = entry(c.clientResource(), selector.attributedUnit(c), "active");
      entry.put("fd-unit", c.unit());
      entry.put("relation", c.relationLabel());
      entry.put("address", c.address() + ":" + c.port());
      entry.put("fileset", String.join(",", c.fileset()));
      entry.put(
          "schedule", c.schedule().isEmpty() ? "manual only" : String.join(", ", c.schedule()));
      put(list, listed, catalog.withBackups(entry, c.clientResource()));
    }
    for (ClientReading.Rejected r : clients.rejected()) {
      String name = r.name().map(n -> n.endsWith("-fd") ? n : n + "-fd").orElse("");
      Map<String, Object> entry = entry(name, selector.attributedUnit(r), "left-out");
      entry.put("fd-unit", r.unit());
      entry.put("relation", "bacula-dir:" + r.relationId());
      entry.put("reason", String.join("; ", r.problems()));
      put(list, listed, name.isEmpty() ? entry : catalog.withBackups(entry, name));
    }
    for (KnownClient k : history.clients().values()) {
      if (!listed.contains(k.clientResource())) {
        Map<String, Object> entry = entry(k.clientResource(), k.unit(), "gone");
        entry.put("last-address", k.address() + ":" + k.port());
        entry.put(
            "restore",
            "restore client="
                + k.unit()
                + " target=<a unit of "
                + k.application()
                + " related now>");
        put(list, listed, catalog.withBackups(entry, k.clientResource()));
      }
    }
    for (String name : catalog.names()) {
      String stem = name.endsWith("-fd") ? name.substring(0, name.length() - 3) : name;
      // The server's own client (reserved prefix) is no one's to restore.
      if (!listed.contains(name)
          && !history.isForgotten(stem)
          && !name.startsWith(ClientSpec.RESERVED_PREFIX)) {
        // In the catalog from before this server kept a record of its clients: the Director has
        // no Client resource left for it, which Bacula needs to restore its backups elsewhere.
        Map<String, Object> entry = entry(name, "unknown", "gone");
        entry.put(
            "restore",
            "not by action: the server has no record of this client's unit;"
                + " its backups are listed by list-backups");
        put(list, listed, catalog.withBackups(entry, name));
      }
    }
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("count", Integer.toString(list.size()));
    results.put("clients", list);
    return results;
  }

  private static Map<String, Object> entry(String name, String unit, String state) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("unit", unit);
    entry.put("application", unit.contains("/") ? NameBindings.application(unit) : unit);
    entry.put("state", state);
    return entry;
  }

  private static void put(Map<String, Object> list, Set<String> listed, Map<String, Object> entry) {
    listed.add((String) entry.get("name"));
    list.put(ServerActions.key((String) entry.get("unit"), list), entry);
  }

  /** What the catalog says of the clients, or why it could not be read. */
  private record Catalog(
      List<String> names,
      Map<String, JobRecord> last,
      Map<String, JobRecord> lastGood,
      String problem) {

    static Catalog read(Supplier<Director> console) {
      try (Director director = console.get()) {
        return new Catalog(
            director.catalogClients(), director.lastBackups(), director.lastGoodBackups(), null);
      } catch (RuntimeException e) {
        // The relations still say which clients exist; only their backups are unknown.
        return new Catalog(List.of(), Map.of(), Map.of(), "unknown: " + e.getMessage());
      }
    }

    Map<String, Object> withBackups(Map<String, Object> entry, String name) {
      JobRecord job = last.get(name);
      JobRecord good = lastGood.get(name);
      entry.put(
          "last-backup",
          problem != null
              ? problem
              : job == null
                  ? "none"
                  : "job "
                      + job.jobId()
                      + ", "
                      + job.levelName()
                      + ", "
                      + JobResults.statusWord(job)
                      + ", "
                      + JobResults.time(job));
      if (problem == null && good != null) {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("job-id", Long.toString(good.jobId()));
        g.put("time", JobResults.time(good));
        g.put("level", good.levelName());
        entry.put("last-good-backup", g);
      } else {
        entry.put("last-good-backup", problem != null ? problem : "none");
      }
      return entry;
    }
  }
}
