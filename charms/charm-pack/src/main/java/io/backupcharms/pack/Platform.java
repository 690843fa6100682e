package io.backupcharms.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One platform a charm is packed for: a base such as {@code ubuntu@22.04} and an architecture.
 * charmcraft writes one {@code .charm} per platform, whose manifest names only that base, and Juju
 * deploys it only on machines of that base.
 *
 * @param base the run-time base, {@code <distribution>@<series>}
 * @param architecture a Debian architecture, e.g. {@code amd64}
 */
record Platform(String base, String architecture) {
  /** The base's distribution, e.g. {@code ubuntu}. */
  String distribution() {
    return base.substring(0, base.indexOf('@'));
  }

  /** The base's series, e.g. {@code 22.04}. */
  String channel() {
    return base.substring(base.indexOf('@') + 1);
  }

  /** charmcraft's file name for this platform's archive, {@code <name>_<base>-<arch>.charm}. */
  String fileName(String charmName) {
    return charmName + "_" + base + "-" + architecture + ".charm";
  }

  /** The manifest.yaml {@code bases} entry Juju reads to choose a machine's base. */
  Map<String, Object> manifestBase() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", distribution());
    entry.put("channel", channel());
    entry.put("architectures", List.of(architecture));
    return entry;
  }
}
