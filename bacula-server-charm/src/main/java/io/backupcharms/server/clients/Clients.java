package io.backupcharms.server.clients;

import java.util.ArrayList;
import java.util.HashMap;
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
    List<ClientSpec> ready, List<ClientReading.Pending> pending, List<ClientReading.Rejected> rejected) {

  public Clients {
    ready = List.copyOf(ready);
    pending = List.copyOf(pending);
    rejected = List.copyOf(rejected);
  }

  /**
   * Reads every databag. A second unit publishing a name already taken is rejected, because two
   * Bacula Clients cannot share a name and silently merging them would back up the wrong machine.
   */
  public static Clients read(List<FdUnitBag> bags) {
    List<ClientSpec> ready = new ArrayList<>();
    List<ClientReading.Pending> pending = new ArrayList<>();
    List<ClientReading.Rejected> rejected = new ArrayList<>();
    Map<String, ClientSpec> byStem = new HashMap<>();
    for (FdUnitBag bag : bags) {
      ClientReading reading = FdUnitBagReader.read(bag);
      if (reading instanceof ClientReading.Ready r) {
        ClientSpec other = byStem.putIfAbsent(r.spec().stem(), r.spec());
        if (other == null) {
          ready.add(r.spec());
        } else {
          rejected.add(
              new ClientReading.Rejected(
                  r.unit(),
                  r.relationId(),
                  List.of(
                      "name "
                          + FdUnitBagReader.quoted(r.spec().name())
                          + " is already used by "
                          + other.unit()
                          + " on relation "
                          + other.relationLabel()
                          + "; every File Daemon needs its own name")));
        }
      } else if (reading instanceof ClientReading.Pending p) {
        pending.add(p);
      } else {
        rejected.add((ClientReading.Rejected) reading);
      }
    }
    return new Clients(ready, pending, rejected);
  }

  /** The same clients with one more moved from ready to rejected (it failed validation by Bacula). */
  public Clients withRejected(ClientSpec spec, String problem) {
    List<ClientSpec> stillReady = new ArrayList<>(ready);
    stillReady.remove(spec);
    List<ClientReading.Rejected> more = new ArrayList<>(rejected);
    more.add(new ClientReading.Rejected(spec.unit(), spec.relationId(), List.of(problem)));
    return new Clients(stillReady, pending, more);
  }

  /** The ready client with this exact File Daemon name. */
  public Optional<ClientSpec> byName(String name) {
    return ready.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
