package io.backupcharms.server.clients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every related File Daemon unit, sorted into ready, pending and rejected.
 *
 * @param ready clients the Director backs up, in relation then unit order
 * @param pending units that have not published yet
 * @param rejected units whose data is refused, each with its reasons
 */
public record Clients(
    List<ClientSpec> ready,
    List<ClientReading.Pending> pending,
    List<ClientReading.Rejected> rejected) {

  public Clients {
    ready = List.copyOf(ready);
    pending = List.copyOf(pending);
    rejected = List.copyOf(rejected);
  }

  /**
   * Reads every databag. A File Daemon name claimed by more than one unit, and bound to none of
   * them yet, is left out for <em>every</em> claimant: the server cannot tell which one is genuine
   * (names are self-declared and predictable).
   */
  public static Clients read(List<FdUnitBag> bags) {
    return read(bags, NameBindings.NONE);
  }

  /**
   * Reads every databag as {@link #read(List)} does, except that a name bound to a unit ({@link
   * NameBindings}) stays with that unit: any other claimant is left out, and the bound client keeps
   * working, so no unit can knock a client out or take its name (and its restores) over by
   * publishing it.
   */
  public static Clients read(List<FdUnitBag> bags, NameBindings bindings) {
    List<ClientSpec> candidates = new ArrayList<>();
    List<ClientReading.Pending> pending = new ArrayList<>();
    List<ClientReading.Rejected> rejected = new ArrayList<>();
    Map<String, List<ClientSpec>> byStem = new LinkedHashMap<>();
    for (FdUnitBag bag : bags) {
      ClientReading reading = FdUnitBagReader.read(bag);
      if (reading instanceof ClientReading.Ready r) {
        candidates.add(r.spec());
        byStem.computeIfAbsent(r.spec().stem(), k -> new ArrayList<>()).add(r.spec());
      } else if (reading instanceof ClientReading.Pending p) {
        pending.add(p);
      } else {
        rejected.add((ClientReading.Rejected) reading);
      }
    }
    List<ClientSpec> ready = new ArrayList<>();
    for (ClientSpec spec : candidates) {
      List<ClientSpec> admitted =
          byStem.get(spec.stem()).stream()
              .filter(c -> bindings.admits(c.stem(), c.unit()))
              .toList();
      if (!admitted.contains(spec)) {
        rejected.add(
            new ClientReading.Rejected(
                spec.unit(),
                spec.relationId(),
                Optional.of(spec.name()),
                List.of(taken(spec, bindings.ownerOf(spec.stem()).orElseThrow()))));
      } else if (admitted.size() == 1) {
        ready.add(spec);
      } else {
        rejected.add(
            new ClientReading.Rejected(
                spec.unit(),
                spec.relationId(),
                Optional.of(spec.name()),
                List.of(clash(admitted))));
      }
    }
    return new Clients(ready, pending, rejected);
  }

  private static String taken(ClientSpec spec, String owner) {
    String sender = spec.unit();
    return "name "
        + FdUnitBagReader.quoted(spec.name())
        + " belongs to "
        + (owner.contains("/") ? owner : "application " + owner)
        + ", whose File Daemon published it first; "
        + sender
        + " cannot take it over and receive that client's restores. If "
        + sender
        + " really replaces "
        + owner
        + ": juju run bacula-server/leader forget-client name="
        + spec.clientResource();
  }

  /** {@code two units claim name "x-fd": a/0 (bacula-dir:7) and b/0 (bacula-dir:8); ...}. */
  private static String clash(List<ClientSpec> claimants) {
    List<String> who = new ArrayList<>();
    for (ClientSpec c : claimants) {
      who.add(c.unit() + " (" + c.relationLabel() + ")");
    }
    String listed =
        String.join(", ", who.subList(0, who.size() - 1)) + " and " + who.get(who.size() - 1);
    return (claimants.size() == 2 ? "two" : Integer.toString(claimants.size()))
        + " units claim name "
        + FdUnitBagReader.quoted(claimants.get(0).name())
        + ": "
        + listed
        + "; every File Daemon needs its own name, so none of them is backed up or restored to;"
        + " remove the wrong relation";
  }

  /**
   * The same clients with one more moved from ready to rejected (it failed validation by Bacula).
   */
  public Clients withRejected(ClientSpec spec, String problem) {
    List<ClientSpec> stillReady = new ArrayList<>(ready);
    stillReady.remove(spec);
    List<ClientReading.Rejected> more = new ArrayList<>(rejected);
    more.add(
        new ClientReading.Rejected(
            spec.unit(), spec.relationId(), Optional.of(spec.name()), List.of(problem)));
    return new Clients(stillReady, pending, more);
  }

  /** The ready client with this exact File Daemon name. */
  public Optional<ClientSpec> byName(String name) {
    return ready.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
