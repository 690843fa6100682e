package io.backupcharms.bacula.console;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hello, CRAM-MD5 both ways, and TLS when both sides want it (src/console/authenticate.c).
 * Returns the Director's greeting ({@code 1000 OK: 103 name Version: ...}).
 */
final class Handshake {
    private static final Pattern AUTH = Pattern.compile("auth cram-md5 (<[^>\\s]+>) ssl=(\\d)\\s*");

    private Handshake() {}

    static String run(BSocket s, ConsoleSettings settings) throws IOException {
        s.timeout(settings.readTimeout());
        String who = settings.consoleName() == null ? "*UserAgent*" : settings.consoleName().replace(' ', '\u0001');
        // No version after "calling": the Director then never compresses.
        s.send("Hello " + who + " calling\n");
        String target = target(settings);

        String challenge = s.receive().text();
        Matcher m = AUTH.matcher(challenge.replace("\0", ""));
        if (!m.matches()) {
            throw refused(settings, challenge);
        }
        int directorTls = Integer.parseInt(m.group(2));
        s.send((CramMd5.respond(m.group(1), settings.password()) + "\0"));
        String verdict = s.receive().text();
        if (!verdict.startsWith("1000 OK auth")) {
            throw new AuthenticationFailedException(target + " refused the password" + as(settings)
                    + " (it answered \"" + verdict.strip() + "\"); check that it matches the Director's "
                    + (settings.consoleName() == null ? "Director resource Password" : "Console resource Password"));
        }

        int ourTls = settings.tls() == null ? 0 : 2;
        String mine = CramMd5.challenge("backup-charms-console");
        s.send("auth cram-md5 " + mine + " ssl=" + ourTls + "\n");
        String answer = s.receive().text().replace("\0", "").strip();
        if (!CramMd5.verify(mine, settings.password(), answer)) {
            s.send("1999 Authorization failed.\n");
            throw new AuthenticationFailedException(target + " could not prove it knows the password" + as(settings)
                    + "; something else may be listening on that port, or the password differs");
        }
        s.send("1000 OK auth\n");

        if (settings.tls() != null) {
            if (directorTls == 0) {
                throw new AuthenticationFailedException(target + " does not offer TLS, which these settings"
                        + " require; enable TLS in its Director resource or connect without TLS");
            }
            s.startTls(settings.tls().getSocketFactory(), settings.host(), settings.port());
        } else if (directorTls == 2) {
            throw new AuthenticationFailedException(target + " requires TLS; give the console an SSLContext");
        }
        String greeting = s.receive().text();
        if (!greeting.startsWith("1000 OK")) {
            throw new AuthenticationFailedException(target + " did not accept the console after authentication:"
                    + " \"" + greeting.strip() + "\"");
        }
        s.timeout(settings.readTimeout());
        return greeting.strip();
    }

    private static AuthenticationFailedException refused(ConsoleSettings settings, String text) {
        return new AuthenticationFailedException(target(settings) + " refused the console" + as(settings)
                + " before authentication: \"" + text.strip() + "\"");
    }

    static String target(ConsoleSettings s) {
        return "Director at " + s.host() + ":" + s.port();
    }

    private static String as(ConsoleSettings s) {
        return s.consoleName() == null ? " for the default console" : " for Console \"" + s.consoleName() + "\"";
    }
}
