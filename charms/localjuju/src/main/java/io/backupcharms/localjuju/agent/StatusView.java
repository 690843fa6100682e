package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.model.AppState;
import io.backupcharms.localjuju.model.MachineState;
import io.backupcharms.localjuju.model.ModelState;
import io.backupcharms.localjuju.model.RelationState;
import io.backupcharms.localjuju.model.UnitState;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code status}: Juju's JSON shape and its tables. Call with the model lock held. */
final class StatusView {
  private static final List<String> PRIORITY =
      List.of("error", "blocked", "maintenance", "waiting", "active", "unknown");

  private StatusView() {}

  static Map<String, Object> json(Controller c) {
    ModelState st = c.st;
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", st.name);
    model.put("type", "iaas");
    model.put("controller", "localjuju");
    model.put("cloud", "localhost");
    model.put("region", "localhost");
    model.put("version", Lifecycle.JUJU_VERSION);
    model.put("model-status", status("available", "", ""));
    model.put("sla", "unsupported");
    root.put("model", model);
    Map<String, Object> machines = new TreeMap<>();
    for (MachineState m : st.machines.values()) {
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("juju-status", versioned(status("started", "", "")));
      mm.put("hostname", "localjuju-" + st.name + "-" + m.id);
      mm.put("dns-name", m.address);
      mm.put("ip-addresses", List.of(m.address));
      mm.put("instance-id", "localjuju-" + st.name + "-" + m.id);
      mm.put("machine-status", status("running", "running", ""));
      mm.put("base", Bases.json(m.base));
      machines.put(m.id, mm);
    }
    root.put("machines", machines);
    Map<String, Object> apps = new TreeMap<>();
    for (AppState a : st.applications.values()) {
      apps.put(a.name, app(c, a));
    }
    root.put("applications", apps);
    root.put("storage", Map.of());
    root.put("controller", Map.of("timestamp", LocalTime.now().withNano(0).toString() + "Z"));
    return root;
  }

  private static Map<String, Object> app(Controller c, AppState a) {
    ModelState st = c.st;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("charm", a.charmName);
    m.put("base", Bases.json(a.base));
    m.put("charm-origin", "local");
    m.put("charm-name", a.charmName);
    m.put("charm-rev", a.charmRevision);
    m.put("exposed", false);
    String[] appStatus = appStatus(a);
    m.put("application-status", status(appStatus[0], appStatus[1], a.statusSince));
    Map<String, Object> rels = new TreeMap<>();
    List<String> subordinateTo = new ArrayList<>();
    for (RelationState r : st.relations.values()) {
      RelationState.EndpointRef ep = r.endpointOf(a.name);
      if (ep == null) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) rels.computeIfAbsent(ep.endpoint, k -> new ArrayList<>());
      Map<String, Object> rel = new LinkedHashMap<>();
      rel.put("related-application", r.remoteApp(a.name));
      rel.put("interface", r.iface);
      rel.put("scope", r.container ? "container" : "global");
      list.add(rel);
      if (a.subordinate && r.container && !r.isPeer()) {
        AppState other = st.applications.get(r.remoteApp(a.name));
        if (other != null && !other.subordinate && !subordinateTo.contains(other.name)) {
          subordinateTo.add(other.name);
        }
      }
    }
    if (!rels.isEmpty()) {
      m.put("relations", rels);
    }
    if (a.subordinate) {
      m.put("subordinate-to", subordinateTo);
    } else {
      Map<String, Object> units = new TreeMap<>();
      for (UnitState u : a.units.values()) {
        units.put(u.name, unit(c, u));
      }
      m.put("units", units);
    }
    if (!a.version.isEmpty()) {
      m.put("version", a.version);
    }
    Map<String, Object> bindings = new TreeMap<>();
    CharmMeta meta = c.meta(a.name);
    bindings.put("", "alpha");
    meta.endpoints().keySet().forEach(e -> bindings.put(e, "alpha"));
    m.put("endpoint-bindings", bindings);
    return m;
  }

  private static Map<String, Object> unit(Controller c, UnitState u) {
    Map<String, Object> m = new LinkedHashMap<>();
    String[] w = workload(u);
    m.put("workload-status", status(w[0], w[1], u.workloadSince));
    m.put("juju-status", versioned(status(u.agentStatus, u.agentMessage, u.agentSince)));
    if (u.leader) {
      m.put("leader", true);
    }
    m.put("machine", u.machine);
    if (!u.ports.isEmpty()) {
      m.put("open-ports", new ArrayList<>(u.ports));
    }
    MachineState ms = c.st.machines.get(u.machine);
    m.put("public-address", ms == null ? "" : ms.address);
    if (!u.subordinates.isEmpty()) {
      Map<String, Object> subs = new TreeMap<>();
      for (String s : u.subordinates) {
        UnitState su = c.st.unit(s);
        if (su != null) {
          Map<String, Object> sm = unit(c, su);
          sm.remove("machine");
          subs.put(s, sm);
        }
      }
      m.put("subordinates", subs);
    }
    return m;
  }

  static String[] workload(UnitState u) {
    if (!u.failedHook.isEmpty()) {
      return new String[] {"error", "hook failed: \"" + u.failedHook + "\""};
    }
    return new String[] {u.workloadStatus, u.workloadMessage};
  }

  private static String[] appStatus(AppState a) {
    if (!a.status.isEmpty()) {
      return new String[] {a.status, a.statusMessage};
    }
    String[] best = {"unknown", ""};
    for (UnitState u : a.units.values()) {
      String[] w = workload(u);
      int p = PRIORITY.indexOf(w[0]);
      if (p >= 0 && p < PRIORITY.indexOf(best[0])) {
        best = w;
      }
    }
    if (a.subordinate && a.units.isEmpty()) {
      return new String[] {"unknown", ""};
    }
    return best;
  }

  private static Map<String, Object> status(String current, String message, String since) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("current", current);
    if (message != null && !message.isEmpty()) {
      m.put("message", message);
    }
    if (since != null && !since.isEmpty()) {
      m.put("since", jujuTime(since));
    }
    return m;
  }

  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ssXXX", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  /** Juju's status times: {@code 21 Nov 2026 23:04:05Z} in the local zone. */
  static String jujuTime(String iso) {
    try {
      return SINCE.format(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private static Map<String, Object> versioned(Map<String, Object> s) {
    s.put("version", Lifecycle.JUJU_VERSION);
    return s;
  }

  static String tabular(Controller c) {
    ModelState st = c.st;
    StringBuilder sb = new StringBuilder();
    Table model = new Table("Model", "Controller", "Cloud/Region", "Version", "SLA", "Timestamp");
    model.row(
        st.name,
        "localjuju",
        "localhost/localhost",
        Lifecycle.JUJU_VERSION,
        "unsupported",
        LocalTime.now().withNano(0) + "Z");
    sb.append(model).append('\n');
    if (st.applications.isEmpty()) {
      sb.append("Model \"").append(st.name).append("\" is empty.\n");
      return sb.toString();
    }
    Table apps =
        new Table(
            "App", "Version", "Status", "Scale", "Charm", "Channel", "Rev", "Exposed", "Message");
    for (AppState a : st.applications.values()) {
      String[] s = appStatus(a);
      apps.row(
          a.name,
          a.version,
          s[0],
          a.subordinate ? "" : Integer.toString(a.units.size()),
          a.charmName,
          "",
          Integer.toString(a.charmRevision),
          "no",
          s[1]);
    }
    sb.append(apps).append('\n');
    Table units =
        new Table("Unit", "Workload", "Agent", "Machine", "Public address", "Ports", "Message");
    for (AppState a : st.applications.values()) {
      if (a.subordinate) {
        continue;
      }
      for (UnitState u : a.units.values()) {
        unitRow(c, units, u, "");
        for (String s : u.subordinates) {
          UnitState su = st.unit(s);
          if (su != null) {
            unitRow(c, units, su, "  ");
          }
        }
      }
    }
    sb.append(units).append('\n');
    Table machines = new Table("Machine", "State", "Address", "Inst id", "Base", "AZ", "Message");
    for (MachineState m : st.machines.values()) {
      machines.row(
          m.id,
          "started",
          m.address,
          "localjuju-" + st.name + "-" + m.id,
          Bases.shown(m.base),
          "",
          "running");
    }
    sb.append(machines);
    return sb.toString();
  }

  private static void unitRow(Controller c, Table t, UnitState u, String indent) {
    String[] w = workload(u);
    MachineState m = c.st.machines.get(u.machine);
    t.row(
        indent + u.name + (u.leader ? "*" : ""),
        w[0],
        u.agentStatus,
        indent.isEmpty() ? u.machine : "",
        m == null ? "" : m.address,
        String.join(",", u.ports),
        w[1]);
  }

  /** A left-aligned table with two spaces between columns, as Juju prints. */
  private static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      rows.add(header);
    }

    void row(String... cells) {
      rows.add(cells);
    }

    @Override
    public String toString() {
      int[] w = new int[rows.get(0).length];
      for (String[] r : rows) {
        for (int i = 0; i < r.length; i++) {
          w[i] = Math.max(w[i], r[i].length());
        }
      }
      StringBuilder sb = new StringBuilder();
      for (String[] r : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
          line.append(r[i]);
          if (i < r.length - 1) {
            line.append(" ".repeat(w[i] - r[i].length() + 2));
          }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
      }
      return sb.toString();
    }
  }
}
