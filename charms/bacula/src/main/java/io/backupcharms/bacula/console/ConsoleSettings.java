package io.backupcharms.bacula.console;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.Redacted;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How to reach and authenticate to a Director.
 *
 * @param host the Director's address
 * @param port its DIRport
 * @param consoleName a named Console, or null for the default console
 * @param password the Director's password (default console) or the Console's
 * @param connectTimeout TCP connect timeout
 * @param readTimeout the longest wait for one reply (the Director answers a wrong password at once,
 *     then waits 5-10 s before closing)
 * @param tls when not null, require TLS with this context (the Director's certificate must match
 *     {@code host}); when null, never use TLS
 * @param tlsOptional with {@code tls}: use it whenever the Director offers TLS, and log in without
 *     it to a Director that offers none (the one reload that turns TLS on, for a console on the
 *     Director's own machine)
 */
public record ConsoleSettings(
    String host,
    int port,
    String consoleName,
    String password,
    Duration connectTimeout,
    Duration readTimeout,
    SSLContext tls,
    boolean tlsOptional) {
  public ConsoleSettings {
    if (host == null || host.isBlank()) {
      throw new BaculaException("console settings: Director address is missing");
    }
    if (port < 1 || port > 65535) {
      throw new BaculaException("console settings: Director port " + port + " is not a TCP port");
    }
    if (password == null || password.isEmpty()) {
      throw new BaculaException("console settings: password is missing");
    }
    if (consoleName != null
        && (consoleName.isBlank()
            || consoleName.length() > 120
            || consoleName.chars().anyMatch(c -> c < 0x20))) {
      throw new BaculaException(
          "console settings: console name \"" + consoleName + "\" is not valid");
    }
  }

  /** The default console: 5 s to connect, 30 s per reply, no TLS. */
  public static ConsoleSettings of(String host, int port, String password) {
    return new ConsoleSettings(
        host, port, null, password, Duration.ofSeconds(5), Duration.ofSeconds(30), null, false);
  }

  /** A copy authenticating as a named Console. */
  public ConsoleSettings withConsole(String name, String consolePassword) {
    return new ConsoleSettings(
        host, port, name, consolePassword, connectTimeout, readTimeout, tls, tlsOptional);
  }

  /** A copy with other timeouts. */
  public ConsoleSettings withTimeouts(Duration connect, Duration read) {
    return new ConsoleSettings(host, port, consoleName, password, connect, read, tls, tlsOptional);
  }

  /** A copy requiring TLS. */
  public ConsoleSettings withTls(SSLContext context) {
    return new ConsoleSettings(
        host, port, consoleName, password, connectTimeout, readTimeout, context, false);
  }

  /** A copy using TLS whenever the Director offers it; see {@link #tlsOptional}. */
  public ConsoleSettings withTlsWhenOffered(SSLContext context) {
    return new ConsoleSettings(
        host, port, consoleName, password, connectTimeout, readTimeout, context, true);
  }

  /** Never with the password: see {@link Redacted}. */
  @Override
  public String toString() {
    return Redacted.describe(this);
  }
}
