package io.backupcharms.bacula.console;

import io.backupcharms.bacula.console.reply.TerminatedJob;
import io.backupcharms.bacula.console.reply.TerminatedJobsParser;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Asks a File Daemon which jobs it has finished, over its own port, logging in as a status-only
 * ({@code Monitor = yes}) Director entry of its bacula-fd.conf. The File Daemon keeps that list
 * across restarts, so a charm on the backed-up machine learns the outcome of its last backup from
 * the daemon that ran it, without trusting the Director's side. One connection per call.
 *
 * @param host the File Daemon's address (its FDAddress)
 * @param port its FDPort
 * @param monitorName the name of the monitor Director entry
 * @param password that entry's password
 * @param timeout bound on connecting and on every read
 */
public record FileDaemonStatusClient(String host, int port, String monitorName, String password, Duration timeout) {
    /** Checks the values are present. */
    public FileDaemonStatusClient {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(monitorName, "monitorName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The jobs the File Daemon lists as terminated ({@code .status terminated api=2}), oldest first.
     *
     * @throws AuthenticationFailedException when it refuses the monitor entry's password
     * @throws ConsoleException when it cannot be reached or does not answer as a File Daemon
     */
    public List<TerminatedJob> terminatedJobs() {
        String target = "File Daemon at " + host + ":" + port;
        try (Socket s = new Socket()) {
            try {
                s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            } catch (IOException e) {
                throw new ConsoleException("cannot reach the " + target + " (" + e.getMessage()
                        + "); is bacula-fd running and listening there?", e);
            }
            BSocket b = new BSocket(s);
            Handshake.run(b, login(target));
            b.send(".status terminated api=2 api_opts=\n");
            StringBuilder answer = new StringBuilder();
            Packet p = b.receive();
            for (; !p.isSignal(); p = b.receive()) {
                answer.append(p.text().replace("\0", ""));
            }
            if (!p.is(Signal.EOD)) {
                throw new ConsoleException("the " + target + " ended its status with " + p
                        + " instead of the end of data");
            }
            return TerminatedJobsParser.parse(answer.toString());
        } catch (SocketTimeoutException e) {
            throw new ConsoleException("the " + target + " accepted the connection but did not answer in "
                    + timeout.toMillis() + " ms; is that port really a Bacula File Daemon?", e);
        } catch (EOFException e) {
            throw new ConsoleException("the " + target + " closed the connection; check that bacula-fd.conf"
                    + " has a Director entry \"" + monitorName + "\" with Monitor = yes and this password", e);
        } catch (IOException e) {
            throw new ConsoleException("asking the " + target + " for its finished jobs failed: " + e, e);
        }
    }

    private Login login(String target) {
        // The File Daemon reads "Hello Director <name> calling" (filed/authenticate.c), then the
        // same CRAM-MD5 exchange as the Director; it never needs TLS for status.
        return new Login("Hello Director " + monitorName + " calling\n", target, "connection",
                " for its monitor entry \"" + monitorName + "\"",
                "Password of that Director entry (Monitor = yes) in bacula-fd.conf", password, monitorName,
                null, host, port, timeout, "2000 OK Hello");
    }
}
