package io.backupcharms.bacula.console;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandshakeTimeoutTest {
    @Test
    void silentPeerIsReportedWithinTheReadTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try {
                    Socket s = server.accept();
                    Thread.sleep(3000);
                    s.close();
                } catch (Exception e) {
                    // Test over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ConsoleSettings settings = ConsoleSettings.of("127.0.0.1", server.getLocalPort(), "pw")
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
            DirectorUnreachableException e = assertThrows(DirectorUnreachableException.class,
                    () -> DirectorConsole.connect(settings));
            assertTrue(e.getMessage().contains("accepted the connection but did not answer in time"), e.getMessage());
            acceptor.interrupt();
        }
    }
}
