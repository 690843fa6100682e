package io.backupcharms.bacula;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backupcharms.bacula.config.Catalog;
import io.backupcharms.bacula.config.Client;
import io.backupcharms.bacula.config.Console;
import io.backupcharms.bacula.config.DirectorAccess;
import io.backupcharms.bacula.config.Storage;
import io.backupcharms.bacula.console.ConsoleSettings;
import io.backupcharms.bacula.console.FileDaemonStatusClient;
import io.backupcharms.bacula.tls.CertificateAuthority;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value that holds a password prints without it: values end up in log lines, exception messages
 * and assertion failures, which land in juju debug-log and CI output.
 */
class SecretsAreNeverPrintedTest {

  private static final String SECRET = "pw-4f9a1c-never-printed";

  @Test
  void noValueThatHoldsAPasswordPrintsIt() {
    List<Object> values =
        List.of(
            Storage.of("charm-sd", "10.0.0.1", 9103, SECRET, "FileStorage", "File"),
            Client.of("c-fd", "10.0.0.5", 9102, SECRET, "MyCatalog"),
            DirectorAccess.of("charm-bacula-dir", SECRET),
            Console.of("charm-console", SECRET),
            new Catalog("MyCatalog", "bacula", "bacula", SECRET, "10.0.0.9", 5432),
            ConsoleSettings.of("10.0.0.1", 9101, SECRET),
            new FileDaemonStatusClient(
                "10.0.0.5", 9102, "charm-bacula-dir", SECRET, Duration.ofSeconds(5)));
    for (Object value : values) {
      String printed = value.toString();
      assertFalse(
          printed.contains(SECRET),
          () -> value.getClass().getSimpleName() + " prints its password: " + printed);
      assertTrue(printed.contains("password=<redacted>"), printed);
    }
  }

  @Test
  void noValueThatHoldsAPrivateKeyPrintsIt() {
    KeyAndCertificate pair = new KeyAndCertificate(SECRET, "-----BEGIN CERTIFICATE-----");
    for (Object value : List.of(pair, new CertificateAuthority(pair))) {
      String printed = value.toString();
      assertFalse(
          printed.contains(SECRET),
          () -> value.getClass().getSimpleName() + " prints its key: " + printed);
      assertTrue(printed.contains("key=<redacted>"), printed);
    }
  }
}
