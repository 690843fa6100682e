package io.backupcharms.ops.testing;

import io.backupcharms.ops.hooktools.NetworkInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** config-get, is-leader, juju-log, network-get and the unit's server-side state. */
final class UnitTools {
  private static final NetworkInfo DEFAULT_NETWORK =
      new NetworkInfo(
          List.of(
              new NetworkInfo.BindAddress(
                  "eth0", "", List.of(new NetworkInfo.Address("", "192.0.2.10", "192.0.2.0/24")))),
          List.of("192.0.2.10"),
          List.of("192.0.2.10/32"));
  private final Sandbox box;

  UnitTools(Sandbox box) {
    this.box = box;
  }

  Map<String, Object> configGet() {
    return new LinkedHashMap<>(box.config);
  }

  boolean isLeader() {
    return box.leader;
  }

  void jujuLog(String level, String message) {
    box.jujuLog.add(new LogLine(level, message));
  }

  NetworkInfo networkGet(String binding) {
    NetworkInfo info = box.networks.get(binding);
    if (info != null) {
      return info;
    }
    if (!box.meta.relations().isEmpty() && !box.meta.relations().containsKey(binding)) {
      throw Sandbox.fail(
          List.of("network-get", binding),
          1,
          "no network config found for binding \"" + binding + "\"");
    }
    return DEFAULT_NETWORK;
  }

  Map<String, String> stateGet() {
    return new LinkedHashMap<>(box.unitState);
  }

  void stateSet(Map<String, String> values) {
    box.unitState.putAll(values);
  }

  void stateDelete(String key) {
    box.unitState.remove(key);
  }
}
