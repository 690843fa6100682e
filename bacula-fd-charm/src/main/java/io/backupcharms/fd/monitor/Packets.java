package io.backupcharms.fd.monitor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Bacula's network framing: a big-endian int32 length, then that many bytes; a negative length
 * is a signal with no payload. See {@code shared/reference/bacula-console-protocol.md}.
 */
final class Packets {
  /** The signal that ends a command's answer. */
  static final int END_OF_DATA = -1;
  private static final int MAX_PAYLOAD = 1_000_000;

  private final DataInputStream in;
  private final DataOutputStream out;
  private int lastSignal;

  Packets(DataInputStream in, DataOutputStream out) {
    this.in = in;
    this.out = out;
  }

  void send(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
    out.flush();
  }

  /** One packet: its text (a trailing NUL removed), or null for a signal, kept in {@link #lastSignal}. */
  String receive() throws IOException {
    int length = in.readInt();
    if (length < 0) {
      lastSignal = length;
      return null;
    }
    if (length > MAX_PAYLOAD) {
      throw new IOException("File Daemon sent a packet of " + length + " bytes; over Bacula's limit "
          + "of " + MAX_PAYLOAD + ", so this is not a Bacula File Daemon");
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new IOException("File Daemon closed the connection in the middle of a packet");
    }
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == 0) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  int lastSignal() {
    return lastSignal;
  }
}
