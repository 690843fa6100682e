package io.backupcharms.server.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every client the Director has accepted, kept until the operator forgets it, so that a client
 * whose unit or machine is gone can still be listed, selected by its old unit and restored onto
 * another unit. Names an operator forgot are remembered too, so that the catalog's rows of a
 * forgotten client (Bacula keeps a Client row for as long as its jobs) are not listed again.
 *
 * <p>Stored form: entries separated by {@code ,}, each {@code name|unit|address|port} or {@code
 * !stem} for a forgotten name, and a sixth field {@code |previousFdUnit} when the name changed File
 * Daemon application ({@link KnownClient#previousFdUnit()}). Names, units and addresses contain
 * neither character.
 *
 * @param clients by stem
 * @param forgotten stems the operator forgot and no unit has published since
 */
public record ClientHistory(Map<String, KnownClient> clients, Set<String> forgotten) {

  /** Nothing known yet. */
  public static final ClientHistory EMPTY = new ClientHistory(Map.of(), Set.of());

  public ClientHistory {
    clients = Map.copyOf(clients);
    forgotten = Set.copyOf(forgotten);
  }

  /** Reads the stored form; unreadable entries are dropped (the next hook records them again). */
  public static ClientHistory parse(String stored) {
    Map<String, KnownClient> clients = new TreeMap<>();
    Set<String> forgotten = new TreeSet<>();
    for (String entry : stored.split(",")) {
      if (entry.startsWith("!") && entry.length() > 1) {
        forgotten.add(entry.substring(1));
        continue;
      }
      String[] f = entry.split("\\|", -1);
      if ((f.length == 5 || f.length == 6)
          && !f[0].isEmpty()
          && f[1].contains("/")
          && f[2].contains("/")
          && f[4].matches("[0-9]{1,5}")) {
        KnownClient c =
            new KnownClient(
                f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), f.length == 6 ? f[5] : "");
        clients.put(c.stem(), c);
      }
    }
    return new ClientHistory(clients, forgotten);
  }

  /** The stored form, sorted so an unchanged history stores the same string. */
  public String serialize() {
    List<String> entries = new ArrayList<>();
    new TreeMap<>(clients)
        .values()
        .forEach(
            c ->
                entries.add(
                    c.name()
                        + "|"
                        + c.unit()
                        + "|"
                        + c.fdUnit()
                        + "|"
                        + c.address()
                        + "|"
                        + c.port()
                        + (c.changedApplication() ? "|" + c.previousFdUnit() : "")));
    new TreeSet<>(forgotten).forEach(stem -> entries.add("!" + stem));
    return String.join(",", entries);
  }

  /**
   * This history with every ready client recorded as it is now, and no longer forgotten. A name now
   * sent by another File Daemon application than before keeps the earlier sender in {@link
   * KnownClient#previousFdUnit()}.
   */
  public ClientHistory withClients(List<ClientSpec> ready, FdNames names) {
    Map<String, KnownClient> out = new TreeMap<>(clients);
    Set<String> stillForgotten = new TreeSet<>(forgotten);
    for (ClientSpec c : ready) {
      KnownClient now = KnownClient.of(c, names);
      KnownClient before = out.get(c.stem());
      out.put(c.stem(), before == null ? now : before.succeededBy(now));
      stillForgotten.remove(c.stem());
    }
    return new ClientHistory(out, stillForgotten);
  }

  /** The known clients that are not among {@code ready}: gone, or related but left out. */
  public List<KnownClient> notIn(List<ClientSpec> ready) {
    Set<String> stems = new TreeSet<>();
    ready.forEach(c -> stems.add(c.stem()));
    return new TreeMap<>(clients).values().stream().filter(c -> !stems.contains(c.stem())).toList();
  }

  /** This history without {@code stem}, which is remembered as forgotten. */
  public ClientHistory without(String stem) {
    Map<String, KnownClient> out = new TreeMap<>(clients);
    out.remove(stem);
    Set<String> more = new TreeSet<>(forgotten);
    more.add(stem);
    return new ClientHistory(out, more);
  }

  /**
   * This history with what {@code recovered} (a lost server's, from its catalog copy) knows and
   * this one does not: a client whose unit was gone before the server was lost is known again, by
   * its old unit. A stem this history knows, as a client or as forgotten, keeps its state here.
   */
  public ClientHistory withRecovered(ClientHistory recovered) {
    Map<String, KnownClient> out = new TreeMap<>(clients);
    Set<String> outForgotten = new TreeSet<>(forgotten);
    recovered.clients.forEach(
        (stem, c) -> {
          if (!out.containsKey(stem) && !forgotten.contains(stem)) {
            out.put(stem, c);
          }
        });
    recovered.forgotten.stream().filter(stem -> !out.containsKey(stem)).forEach(outForgotten::add);
    return new ClientHistory(out, outForgotten);
  }

  /** Whether the operator forgot {@code stem}. */
  public boolean isForgotten(String stem) {
    return forgotten.contains(stem);
  }
}
