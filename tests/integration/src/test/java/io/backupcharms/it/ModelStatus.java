package io.backupcharms.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code status --format json}, flattened to the units (subordinates included). */
public record ModelStatus(JsonNode json, List<UnitStatus> units) {
  public ModelStatus {
    units = List.copyOf(units);
  }

  static ModelStatus of(JsonNode json) {
    List<UnitStatus> units = new ArrayList<>();
    JsonNode apps = json.path("applications");
    for (Iterator<Map.Entry<String, JsonNode>> it = apps.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> app = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> u = app.getValue().path("units").fields();
          u.hasNext(); ) {
        Map.Entry<String, JsonNode> unit = u.next();
        units.add(
            unitOf(unit.getKey(), unit.getValue(), "", text(unit.getValue(), "public-address")));
        for (Iterator<Map.Entry<String, JsonNode>> s =
                unit.getValue().path("subordinates").fields();
            s.hasNext(); ) {
          Map.Entry<String, JsonNode> sub = s.next();
          units.add(
              unitOf(
                  sub.getKey(),
                  sub.getValue(),
                  unit.getKey(),
                  text(unit.getValue(), "public-address")));
        }
      }
    }
    return new ModelStatus(json, units);
  }

  private static UnitStatus unitOf(String name, JsonNode node, String principal, String address) {
    return new UnitStatus(
        name,
        text(node.path("workload-status"), "current"),
        text(node.path("workload-status"), "message"),
        text(node.path("juju-status"), "current"),
        principal,
        address);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  /** The units of {@code application}, subordinates included, in status order. */
  public List<UnitStatus> unitsOf(String application) {
    return units.stream().filter(u -> u.application().equals(application)).toList();
  }

  /**
   * The first unit of {@code application}: the one to look at when an application has a single
   * unit, as subordinates have no predictable unit number.
   *
   * @throws AssertionError naming the application, with every unit's status, when it has no unit
   */
  public UnitStatus first(String application) {
    return unitsOf(application).stream()
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no unit of " + application + " in status:" + summary()));
  }

  /** The unit named {@code name}, e.g. {@code bacula-fd/0}, if status shows it. */
  public Optional<UnitStatus> unit(String name) {
    return units.stream().filter(u -> u.unit().equals(name)).findFirst();
  }

  /** The subordinate unit of {@code application} on the machine of {@code principal}. */
  public Optional<UnitStatus> subordinateOf(String principal, String application) {
    return units.stream()
        .filter(u -> u.principal().equals(principal) && u.application().equals(application))
        .findFirst();
  }

  boolean hasApplication(String application) {
    return json.path("applications").has(application);
  }

  /** Every unit on one line each, for failure messages. */
  public String summary() {
    return units.stream().map(UnitStatus::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
