package io.backupcharms.bacula.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port nobody listens on, for a daemon a test starts on loopback. */
public final class FreePorts {
  private FreePorts() {}

  /**
   * A port free on {@code address} now; the daemon started on it right after gets it unless another
   * process takes it first, which the e2e lock around daemon tests rules out.
   */
  public static int on(String address) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on " + address + ": " + e.getMessage(), e);
    }
  }
}
