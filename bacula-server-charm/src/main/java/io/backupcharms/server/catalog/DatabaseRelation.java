package io.backupcharms.server.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Both sides of the {@code database} relation ({@code postgresql_client}).
 *
 * <p>The requirer (us) writes {@code database} and {@code requested-secrets} in its application
 * databag. The provider answers in its application databag with {@code endpoints}
 * ({@code host:port[,host:port...]}), {@code version}, and the credentials either in plain
 * {@code username}/{@code password} (older providers) or as {@code secret-user}, the id of a Juju
 * secret with {@code username} and {@code password}.
 */
public final class DatabaseRelation {

  private DatabaseRelation() {}

  /** The requirer's application databag. */
  public static Map<String, String> request() {
    return Map.of(
        "database", Catalog.DATABASE,
        "requested-secrets", "[\"username\", \"password\", \"tls\", \"tls-ca\", \"uris\"]");
  }

  /** What the provider's data amounts to. */
  public sealed interface Reading {}

  /** Related, but the provider has not sent everything yet. */
  public record Waiting(String reason) implements Reading {}

  /** Complete credentials. */
  public record Ready(Catalog.Postgres catalog) implements Reading {}

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
    int port = 5432;
    if (colon >= 0) {
      try {
        port = Integer.parseInt(first.substring(colon + 1));
      } catch (NumberFormatException e) {
        return new Waiting("PostgreSQL endpoint \"" + first + "\" has no valid port");
      }
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String database = providerApp.getOrDefault("database", Catalog.DATABASE);
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
    return new Ready(new Catalog.Postgres(host, port, database, user, password));
  }
}
