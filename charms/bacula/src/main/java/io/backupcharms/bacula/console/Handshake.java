package io.backupcharms.bacula.console;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hello, CRAM-MD5 both ways, and TLS when both sides want it (src/console/authenticate.c), for
 * every daemon this library logs in to. Returns the daemon's greeting (the Director's is {@code
 * 1000 OK: 103 name Version: ...}, the File Daemon's {@code 2000 OK Hello ...}).
 */
final class Handshake {
  private static final Pattern AUTH = Pattern.compile("auth cram-md5 (<[^>\\s]+>) ssl=(\\d)\\s*");

  private Handshake() {}

  /** Logs in to a Director as a console. */
  static String run(BSocket s, ConsoleSettings settings) throws IOException {
    return run(s, Login.console(settings));
  }

  /** Logs in to any Bacula daemon; returns its greeting, stripped. */
  static String run(BSocket s, Login login) throws IOException {
    s.timeout(login.readTimeout());
    s.send(login.hello());
    String target = login.target();

    String challenge = s.receive().text();
    Matcher m = AUTH.matcher(challenge.replace("\0", ""));
    if (!m.matches()) {
      throw new AuthenticationFailedException(
          target
              + " refused the "
              + login.role()
              + login.as()
              + " before authentication: \""
              + challenge.strip()
              + "\"");
    }
    int peerTls = Integer.parseInt(m.group(2));
    s.send((CramMd5.respond(m.group(1), login.password()) + "\0"));
    String verdict = s.receive().text();
    if (!verdict.startsWith("1000 OK auth")) {
      throw new AuthenticationFailedException(
          target
              + " refused the password"
              + login.as()
              + " (it answered \""
              + verdict.strip()
              + "\"); check that it matches the "
              + login.passwordHint());
    }

    // Bacula's levels: 0 none, 1 offered, 2 required; TLS starts when both sides are at 1 or more.
    boolean optional = login.tls() != null && login.tlsOptional();
    int ourTls = login.tls() == null ? 0 : optional ? 1 : 2;
    boolean useTls = login.tls() != null && !(optional && peerTls == 0);
    String mine = CramMd5.challenge(login.challengeName());
    s.send("auth cram-md5 " + mine + " ssl=" + ourTls + "\n");
    String answer = s.receive().text().replace("\0", "").strip();
    if (!CramMd5.verify(mine, login.password(), answer)) {
      s.send("1999 Authorization failed.\n");
      throw new AuthenticationFailedException(
          target
              + " could not prove it knows the password"
              + login.as()
              + "; something else may be listening on that port, or the password differs");
    }
    s.send("1000 OK auth\n");

    if (useTls) {
      if (peerTls == 0) {
        throw new AuthenticationFailedException(
            target
                + " does not offer TLS, which these settings"
                + " require; enable TLS in its Director resource or connect without TLS");
      }
      s.startTls(login.tls().getSocketFactory(), login.host(), login.port());
    } else if (peerTls == 2 && login.tls() == null) {
      throw new AuthenticationFailedException(
          target + " requires TLS; give the " + login.role() + " an SSLContext");
    }
    String greeting = s.receive().text();
    if (!greeting.startsWith(login.greetingPrefix())) {
      throw new AuthenticationFailedException(
          target
              + " did not accept the "
              + login.role()
              + " after authentication: \""
              + greeting.strip()
              + "\"");
    }
    s.timeout(login.readTimeout());
    return greeting.strip();
  }

  static String target(ConsoleSettings s) {
    return "Director at " + s.host() + ":" + s.port();
  }
}
