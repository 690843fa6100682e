package io.backupcharms.ops.testing;

import java.util.List;

/** open-port, close-port, opened-ports. */
final class PortTools {
  private final Sandbox box;

  PortTools(Sandbox box) {
    this.box = box;
  }

  void openPort(String spec) {
    box.ports.add(spec);
  }

  void closePort(String spec) {
    box.ports.remove(spec);
  }

  List<String> openedPorts() {
    return box.ports.stream().sorted().toList();
  }
}
