package io.backupcharms.bacula.console;

import java.nio.charset.StandardCharsets;

/**
 * One frame: data, or a signal (a negative length without payload).
 *
 * @param code 0 for data, else the signal code
 * @param data the payload (empty for signals)
 */
record Packet(int code, byte[] data) {
  boolean isSignal() {
    return code < 0;
  }

  boolean is(Signal s) {
    return code == s.code();
  }

  String text() {
    return new String(data, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    if (isSignal()) {
      Signal s = Signal.of(code);
      return s == null ? "signal " + code : s.name();
    }
    return "data " + text().replace("\n", "\\n");
  }
}
