package io.backupcharms.server.offsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The s3 provider's keys, as s3-integrator publishes them. */
class S3SettingsTest {

  private static final String PEM =
      "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----";

  @Test
  void readsTheIntegratorsKeys() {
    Map<String, String> data = base();
    data.put("path", "/bacula/prod/");
    data.put("s3-uri-style", "host");
    data.put(
        "tls-ca-chain",
        "[\"" + Base64.getEncoder().encodeToString(PEM.getBytes(StandardCharsets.UTF_8)) + "\"]");
    S3Settings s = assertInstanceOf(S3Settings.Ready.class, S3Settings.read(data)).settings();
    assertEquals("bacula/prod", s.path());
    assertFalse(s.pathStyle());
    assertEquals(List.of(PEM + "\n"), s.caChain());
    assertEquals("s3://backups/bacula/prod at https://s3.example:9000", s.where());
    assertFalse(s.toString().contains("SECRET"), "a printed record shows no credential");
  }

  @Test
  void waitsForTheRequiredKeysNamingThem() {
    Map<String, String> data = base();
    data.remove("secret-key");
    data.put("bucket", " ");
    S3Settings.Incomplete r = assertInstanceOf(S3Settings.Incomplete.class, S3Settings.read(data));
    assertEquals("waiting for the s3 provider to publish bucket, secret-key", r.reason());
  }

  @Test
  void refusesValuesThatCannotWorkNamingEachKey() {
    Map<String, String> data = base();
    data.put("endpoint", "s3.example:9000");
    data.put("s3-uri-style", "virtual");
    data.put("bucket", "a/b");
    data.put("tls-ca-chain", "[1]");
    String reason = assertInstanceOf(S3Settings.Invalid.class, S3Settings.read(data)).reason();
    for (String key : List.of("endpoint", "s3-uri-style", "bucket", "tls-ca-chain")) {
      assertTrue(reason.contains(key), () -> key + " in: " + reason);
    }
  }

  private static Map<String, String> base() {
    Map<String, String> data = new HashMap<>();
    data.put("bucket", "backups");
    data.put("access-key", "ACCESS");
    data.put("secret-key", "SECRET");
    data.put("endpoint", "https://s3.example:9000");
    return data;
  }
}
