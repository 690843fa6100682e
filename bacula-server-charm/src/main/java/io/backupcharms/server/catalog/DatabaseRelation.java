package io.backupcharms.server.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Both sides of the {@code database} relation ({@code postgresql_client}).
 *
 * <p>The requirer (us) writes {@code database} and {@code requested-secrets} in its application
 * databag. The provider answers in its application databag with {@code endpoints} ({@code
 * host:port[,host:port...]}), {@code version}, and the credentials either in plain {@code
 * username}/{@code password} (older providers) or as {@code secret-user}, the id of a Juju secret
 * with {@code username} and {@code password}.
 */
public final class DatabaseRelation {

  private DatabaseRelation() {}

  /** The requirer's application databag. */
  public static Map<String, String> request() {
    return Map.of(
        "database",
        CatalogDatabase.DATABASE,
        "requested-secrets",
        "[\"username\", \"password\", \"tls\", \"tls-ca\", \"uris\"]");
  }

  /** What the provider's data amounts to. */
  public sealed interface Reading {}

  /** Related, but the provider has not sent everything yet. */
  public record Waiting(String reason) implements Reading {}

  /** Complete credentials. */
  public record Ready(CatalogDatabase.Postgres catalog) implements Reading {}

  /**
   * A value no PostgreSQL provider sends and that could change the Director's configuration if
   * written into it (a quote, a newline); the reason names the key and never shows a password.
   */
  public record Invalid(String reason) implements Reading {}

  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.@-]{1,63}");

  /** Printable ASCII but the two characters a quoted Bacula string treats specially. */
  private static final Pattern PASSWORD = Pattern.compile("[\\x20-\\x7e&&[^\"\\\\]]{1,1024}");

  /**
   * Reads the provider's application databag.
   *
   * @param providerApp the provider's application databag
   * @param readSecret returns a secret's content by id, or empty when it cannot be read yet
   */
  public static Reading read(
      Map<String, String> providerApp, Function<String, Optional<Map<String, String>>> readSecret) {
    String endpoints = providerApp.get("endpoints");
    if (endpoints == null || endpoints.isBlank()) {
      return new Waiting("waiting for PostgreSQL to publish its endpoints");
    }
    String first = endpoints.split(",")[0].strip();
    int colon = first.lastIndexOf(':');
    String host = colon < 0 ? first : first.substring(0, colon);
    String portText = colon < 0 ? "5432" : first.substring(colon + 1);
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    if (bracketed) {
      host = host.substring(1, host.length() - 1);
    }
    if (!(bracketed ? IPV6 : HOST).matcher(host).matches()
        || !PORT.matcher(portText).matches()
        || Integer.parseInt(portText) > 65535) {
      return invalid(
          "endpoints",
          "\""
              + printable(first)
              + "\" is not host:port (a host name or"
              + " address, and a port 1-65535)");
    }
    int port = Integer.parseInt(portText);
    String database = providerApp.getOrDefault("database", CatalogDatabase.DATABASE);
    if (!IDENTIFIER.matcher(database).matches()) {
      return invalid(
          "database",
          "\""
              + printable(database)
              + "\" is not a database name (letters,"
              + " digits and _ . @ -, at most 63)");
    }
    String secretId = providerApp.get("secret-user");
    String user = providerApp.get("username");
    String password = providerApp.get("password");
    if (secretId != null && !secretId.isBlank()) {
      Optional<Map<String, String>> content = readSecret.apply(secretId);
      if (content.isEmpty()) {
        return new Waiting("waiting for access to the PostgreSQL credentials secret");
      }
      user = content.get().get("username");
      password = content.get().get("password");
    }
    if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
      return new Waiting("waiting for PostgreSQL to publish credentials");
    }
    if (!IDENTIFIER.matcher(user).matches()) {
      return invalid(
          "username",
          "\""
              + printable(user)
              + "\" is not a user name (letters, digits"
              + " and _ . @ -, at most 63)");
    }
    if (!PASSWORD.matcher(password).matches()) {
      return invalid(
          "password",
          "it holds a character this server does not write into Bacula's"
              + " configuration (a control character, a quote or a backslash) or is over 1024"
              + " characters; rotate the credentials on the PostgreSQL side");
    }
    return new Ready(new CatalogDatabase.Postgres(host, port, database, user, password));
  }

  private static Invalid invalid(String key, String why) {
    return new Invalid(
        "invalid database relation data: "
            + key
            + " "
            + why
            + "; the Director keeps its current catalog");
  }

  private static String printable(String value) {
    String line = value.replaceAll("\\p{Cntrl}", "?");
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }
}
