package io.backupcharms.localjuju.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The wire format between tools, CLI and controller: a sequence of {@code <len>:<bytes>,}. */
final class Netstrings {
  private Netstrings() {}

  static byte[] encode(List<String> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String f : fields) {
      byte[] b = (f == null ? "" : f).getBytes(StandardCharsets.UTF_8);
      out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(b);
      out.write(',');
    }
    return out.toByteArray();
  }

  static List<String> decode(byte[] data) throws IOException {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < data.length) {
      int colon = i;
      while (colon < data.length && data[colon] != ':') {
        colon++;
      }
      if (colon >= data.length) {
        throw new IOException("malformed request: no ':' after length at byte " + i);
      }
      int len = Integer.parseInt(new String(data, i, colon - i, StandardCharsets.US_ASCII));
      out.add(new String(data, colon + 1, len, StandardCharsets.UTF_8));
      i = colon + 1 + len + 1;
    }
    return out;
  }
}
