package io.backupcharms.server.offsite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the {@code s3} relation's provider publishes in its application databag, with the keys of
 * Canonical's s3-integrator (interface {@code s3} v0): {@code bucket}, {@code access-key} and
 * {@code secret-key} are required; {@code endpoint}, {@code region}, {@code path}, {@code
 * s3-uri-style} ({@code path} or {@code host}), {@code storage-class}, {@code s3-api-version} (2 or
 * 4) and {@code tls-ca-chain} (a JSON list of certificates, each PEM or base64 of PEM) are
 * optional. {@code attributes} is read by no one here: its headers are not sent (documented in the
 * relations reference).
 *
 * @param path the prefix inside the bucket, without leading or trailing slashes, may be empty
 * @param endpoint the endpoint URL, empty for AWS's default
 * @param pathStyle true unless {@code s3-uri-style} is {@code host}
 * @param caChain PEM certificates to trust for HTTPS, empty for the system's
 */
public record S3Settings(
    String bucket,
    String accessKey,
    String secretKey,
    String endpoint,
    String region,
    String path,
    boolean pathStyle,
    String storageClass,
    int apiVersion,
    List<String> caChain) {

  /** The relation endpoint on bacula-server. */
  public static final String ENDPOINT = "s3";

  // S3's own bucket rules (3 to 63 of lowercase letters, digits, dots and hyphens), loosened to
  // the uppercase and underscores some S3 servers accept; never a slash, space or colon.
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,62}");
  private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+(/[^\\s?#]*)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  public S3Settings {
    caChain = List.copyOf(caChain);
  }

  /** What the provider's data amounts to. */
  public sealed interface Reading {}

  /** Everything needed to use the bucket. */
  public record Ready(S3Settings settings) implements Reading {}

  /** Related, but the provider has not published the required keys yet. */
  public record Incomplete(String reason) implements Reading {}

  /** The provider published values that cannot work; the message names the keys. */
  public record Invalid(String reason) implements Reading {}

  /** Reads the provider's application databag. */
  public static Reading read(Map<String, String> provider) {
    List<String> missing = new ArrayList<>();
    for (String key : List.of("bucket", "access-key", "secret-key")) {
      if (value(provider, key).isEmpty()) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      return new Incomplete("waiting for the s3 provider to publish " + String.join(", ", missing));
    }
    List<String> problems = new ArrayList<>();
    String bucket = value(provider, "bucket");
    if (!BUCKET.matcher(bucket).matches()) {
      problems.add(
          "bucket \""
              + printable(bucket)
              + "\" is not a bucket name (3 to 63 letters,"
              + " digits, dots, hyphens)");
    }
    String endpoint = value(provider, "endpoint");
    if (!endpoint.isEmpty() && !URL.matcher(endpoint).matches()) {
      problems.add("endpoint \"" + printable(endpoint) + "\" is not an http:// or https:// URL");
    }
    String style = value(provider, "s3-uri-style");
    if (!style.isEmpty() && !style.equals("path") && !style.equals("host")) {
      problems.add("s3-uri-style \"" + printable(style) + "\" is neither path nor host");
    }
    String version = value(provider, "s3-api-version");
    int apiVersion = 4;
    if (!version.isEmpty()) {
      if (version.equals("2") || version.equals("4")) {
        apiVersion = Integer.parseInt(version);
      } else {
        problems.add("s3-api-version \"" + printable(version) + "\" is neither 2 nor 4");
      }
    }
    String path = value(provider, "path").replaceAll("^/+|/+$", "");
    if (path.contains("..")
        || path.contains("//")
        || path.chars().anyMatch(Character::isISOControl)) {
      problems.add("path \"" + printable(path) + "\" must be a plain prefix, without .. or //");
    }
    List<String> chain = List.of();
    try {
      chain = certificates(provider.getOrDefault("tls-ca-chain", ""));
    } catch (IllegalArgumentException e) {
      problems.add("tls-ca-chain " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      return new Invalid(
          "s3 relation: " + String.join("; ", problems) + "; fix the s3 provider's configuration");
    }
    return new Ready(
        new S3Settings(
            bucket,
            value(provider, "access-key"),
            value(provider, "secret-key"),
            endpoint,
            value(provider, "region"),
            path,
            !style.equals("host"),
            value(provider, "storage-class"),
            apiVersion,
            chain));
  }

  /** Where the copies go, for status and results: never a credential. */
  public String where() {
    String location = "s3://" + bucket + (path.isEmpty() ? "" : "/" + path);
    return endpoint.isEmpty() ? location : location + " at " + endpoint;
  }

  /** Hides the credentials, for records printed by accident. */
  @Override
  public String toString() {
    return "S3Settings[" + where() + "]";
  }

  private static String value(Map<String, String> provider, String key) {
    String v = provider.get(key);
    return v == null ? "" : v.strip();
  }

  /**
   * The CA chain as PEM texts. s3-integrator publishes a JSON list; a bare string (one certificate,
   * as the interface's example shows) is accepted too. Each item is PEM or base64.
   */
  private static List<String> certificates(String raw) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    if (text.startsWith("[")) {
      try {
        JsonNode list = JSON.readTree(text);
        for (JsonNode item : list) {
          if (!item.isTextual()) {
            throw new IllegalArgumentException("must be a JSON list of strings");
          }
          items.add(item.asText());
        }
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("is not a JSON list of certificates");
      }
    } else {
      items.add(text);
    }
    List<String> pems = new ArrayList<>();
    for (String item : items) {
      String pem = item.contains("-----BEGIN") ? item : decode(item);
      if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
        throw new IllegalArgumentException("holds an item that is not a PEM certificate");
      }
      pems.add(pem.strip() + "\n");
    }
    return pems;
  }

  private static String decode(String base64) {
    try {
      return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("holds an item that is neither PEM nor base64");
    }
  }

  private static String printable(String value) {
    String shown = value.replaceAll("\\p{Cntrl}", "?");
    return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
  }
}
