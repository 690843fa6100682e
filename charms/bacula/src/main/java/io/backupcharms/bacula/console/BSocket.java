package io.backupcharms.bacula.console;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * Bacula's framing over a socket (lib/bsock.c): a big-endian int32 length, then that many bytes; a
 * negative length is a signal. Packet boundaries are not lines.
 */
final class BSocket implements Closeable {
  static final int MAX_PAYLOAD = 1_000_000;
  private static final int COMPRESSED = 0x40000000;
  private static final int HAS_FLAGS = 0x20000000;

  private static final boolean QUICKACK = supportsQuickAck();
  private Socket socket;
  private DataInputStream in;
  private DataOutputStream out;

  BSocket(Socket socket) throws IOException {
    attach(socket);
  }

  private void attach(Socket s) throws IOException {
    socket = s;
    s.setTcpNoDelay(true);
    in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 65536));
    out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 8192));
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  void send(byte[] payload) throws IOException {
    out.writeInt(payload.length);
    out.write(payload);
    out.flush();
  }

  void signal(Signal s) throws IOException {
    out.writeInt(s.code());
    out.flush();
  }

  Packet receive() throws IOException {
    if (in.available() < 4) {
      quickAck();
    }
    int n = in.readInt();
    if (n < 0) {
      return new Packet(n, new byte[0]);
    }
    if ((n & COMPRESSED) != 0) {
      // We never announce a version in Hello, so a daemon must not compress.
      throw new IOException("the daemon sent a compressed packet although none was requested");
    }
    int len = n & ~HAS_FLAGS;
    if ((n & HAS_FLAGS) != 0) {
      in.readInt();
      len -= 4;
    }
    if (len > MAX_PAYLOAD || len < 0) {
      throw new IOException("packet of " + len + " bytes refused (limit " + MAX_PAYLOAD + ")");
    }
    byte[] b = new byte[len];
    in.readFully(b);
    return new Packet(0, b);
  }

  /**
   * The Director never sets TCP_NODELAY and writes each reply as several small packets, so with
   * delayed ACKs every reply stalls about 40 ms. Acknowledging at once (Linux TCP_QUICKACK, which
   * the kernel clears again after a while, hence before each wait) removes the stall.
   */
  private void quickAck() {
    if (QUICKACK) {
      try {
        socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
      } catch (IOException | UnsupportedOperationException e) {
        // Only slower without it.
      }
    }
  }

  void timeout(Duration d) throws IOException {
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  /** Starts TLS on the same connection, as the client side, then frames inside it. */
  void startTls(SSLSocketFactory factory, String host, int port) throws IOException {
    SSLSocket tls = (SSLSocket) factory.createSocket(socket, host, port, true);
    tls.setUseClientMode(true);
    var params = tls.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(params);
    tls.startHandshake();
    attach(tls);
  }

  private static boolean supportsQuickAck() {
    try (Socket probe = new Socket()) {
      return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
    } catch (IOException e) {
      return false;
    }
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
