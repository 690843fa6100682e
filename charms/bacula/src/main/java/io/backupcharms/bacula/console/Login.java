package io.backupcharms.bacula.console;

import io.backupcharms.bacula.Redacted;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What {@link Handshake} needs to log in to one Bacula daemon, and the words its errors use: the
 * Director (as a console) and the File Daemon (as a status-only Director entry) share the handshake
 * but differ in the Hello line, the greeting and the operator's remedy.
 *
 * @param hello the first packet, e.g. {@code Hello *UserAgent* calling\n}
 * @param target the daemon for messages, e.g. {@code Director at 127.0.0.1:9101}
 * @param role what logs in, for messages: {@code console}, {@code connection}
 * @param as which entry the password belongs to, for messages (starts with a space)
 * @param passwordHint where the operator finds the password the daemon expects
 * @param password the shared password
 * @param challengeName the name in our own CRAM-MD5 challenge
 * @param tls when not null, require TLS with this context; when null, never use TLS
 * @param host the daemon's address (TLS checks its certificate against it)
 * @param port its port
 * @param readTimeout the longest wait for one packet
 * @param greetingPrefix how the daemon's greeting after authentication starts
 * @param tlsOptional with {@code tls}: log in without TLS to a daemon that offers none
 */
record Login(
    String hello,
    String target,
    String role,
    String as,
    String passwordHint,
    String password,
    String challengeName,
    SSLContext tls,
    String host,
    int port,
    Duration readTimeout,
    String greetingPrefix,
    boolean tlsOptional) {

  /** A Director console login. */
  static Login console(ConsoleSettings s) {
    String who = s.consoleName() == null ? "*UserAgent*" : s.consoleName().replace(' ', '\u0001');
    // No version after "calling": the Director then never compresses.
    return new Login(
        "Hello " + who + " calling\n",
        Handshake.target(s),
        "console",
        s.consoleName() == null
            ? " for the default console"
            : " for Console \"" + s.consoleName() + "\"",
        s.consoleName() == null ? "Director resource Password" : "Console resource Password",
        s.password(),
        "backup-charms-console",
        s.tls(),
        s.host(),
        s.port(),
        s.readTimeout(),
        "1000 OK",
        s.tlsOptional());
  }

  /** Never with the password: see {@link Redacted}. */
  @Override
  public String toString() {
    return Redacted.describe(this);
  }
}
