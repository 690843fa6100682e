package io.backupcharms.server;

import io.backupcharms.ops.StoredState;
import io.backupcharms.ops.model.Application;
import io.backupcharms.ops.model.Model;
import io.backupcharms.ops.model.Relation;
import io.backupcharms.ops.model.Unit;
import io.backupcharms.server.clients.Clients;
import io.backupcharms.server.clients.FdUnitBag;
import io.backupcharms.server.clients.NameBindings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads every File Daemon unit's databag on every {@code bacula-dir} relation. */
final class ClientBags {

  static final String ENDPOINT = "bacula-dir";

  private ClientBags() {}

  /** The clients as the model shows them now, in relation and unit order. */
  static Clients read(Model model, NameBindings bindings) {
    List<FdUnitBag> bags = new ArrayList<>();
    for (Relation relation : model.relations(ENDPOINT)) {
      List<Unit> units = new ArrayList<>(relation.units());
      units.sort(Comparator.comparing(Unit::name, ClientBags::compareUnits));
      for (Unit unit : units) {
        bags.add(new FdUnitBag(relation.id(), unit.name(), relation.data(unit).asMap()));
      }
    }
    return Clients.read(bags, bindings);
  }

  /**
   * The leader's name bindings, less those of File Daemon applications no longer related ({@link
   * NameBindings#ofRelated}).
   */
  static NameBindings bindings(Model model, StoredState stored) {
    Set<String> related = new TreeSet<>();
    for (Relation relation : model.relations(ENDPOINT)) {
      relation.app().map(Application::name).ifPresent(related::add);
      relation.units().forEach(u -> related.add(NameBindings.application(u.name())));
    }
    return LeaderValue.bindings(model, stored).read().ofRelated(related);
  }

  /** {@code app/2} before {@code app/10}. */
  static int compareUnits(String a, String b) {
    String appA = a.substring(0, a.indexOf('/'));
    String appB = b.substring(0, b.indexOf('/'));
    if (!appA.equals(appB)) {
      return appA.compareTo(appB);
    }
    return Integer.compare(
        Integer.parseInt(a.substring(a.indexOf('/') + 1)),
        Integer.parseInt(b.substring(b.indexOf('/') + 1)));
  }
}
