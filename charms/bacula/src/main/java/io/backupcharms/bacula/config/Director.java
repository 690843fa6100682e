package io.backupcharms.bacula.config;

/**
 * The Director's own resource in {@code bacula-dir.conf}.
 *
 * @param name the Director's name, e.g. {@code charm-bacula-dir}
 * @param address the address to bind (DirAddress); charms bind to the unit's address
 * @param port DIRport, 9101 by default
 * @param password the password the default console authenticates with
 * @param queryFile QueryFile, Debian's {@code /etc/bacula/scripts/query.sql} by default
 * @param workingDirectory WorkingDirectory; the SQLite catalog lives here
 * @param pidDirectory PidDirectory
 * @param maximumConcurrentJobs at least 2 by default: with 1 a job started right after another
 *     waits up to 4 s more
 * @param messages name of the Messages resource for the Director's own messages
 * @param tls TLS towards the peers of this resource, or null for none
 */
public record Director(
    String name,
    String address,
    int port,
    String password,
    String queryFile,
    String workingDirectory,
    String pidDirectory,
    int maximumConcurrentJobs,
    String messages,
    Tls tls) {
  /** Bacula's default Director port. */
  public static final int DEFAULT_PORT = 9101;

  public Director {
    String r = "Director \"" + name + "\"";
    Check.name("Director", "Name", name);
    Check.address(r, "DirAddress", address);
    Check.port(r, "DIRport", port);
    Check.nonEmpty(r, "Password", password);
    Check.directory(r, "QueryFile", queryFile);
    Check.directory(r, "WorkingDirectory", workingDirectory);
    Check.directory(r, "PidDirectory", pidDirectory);
    Check.positive(r, "Maximum Concurrent Jobs", maximumConcurrentJobs);
    Check.name(r, "Messages", messages);
  }

  /**
   * A Director with Debian's paths ({@code /var/lib/bacula}, {@code /run/bacula}) and Maximum
   * Concurrent Jobs 20.
   */
  public static Director of(
      String name, String address, int port, String password, String messages) {
    return new Director(
        name,
        address,
        port,
        password,
        "/etc/bacula/scripts/query.sql",
        "/var/lib/bacula",
        "/run/bacula",
        20,
        messages,
        null);
  }

  /** A copy with another WorkingDirectory. */
  public Director withWorkingDirectory(String dir) {
    return new Director(
        name,
        address,
        port,
        password,
        queryFile,
        dir,
        pidDirectory,
        maximumConcurrentJobs,
        messages,
        tls);
  }

  /** A copy with another PidDirectory. */
  public Director withPidDirectory(String dir) {
    return new Director(
        name,
        address,
        port,
        password,
        queryFile,
        workingDirectory,
        dir,
        maximumConcurrentJobs,
        messages,
        tls);
  }

  /** A copy with another QueryFile. */
  public Director withQueryFile(String file) {
    return new Director(
        name,
        address,
        port,
        password,
        file,
        workingDirectory,
        pidDirectory,
        maximumConcurrentJobs,
        messages,
        tls);
  }

  /** A copy with another Maximum Concurrent Jobs. */
  public Director withMaximumConcurrentJobs(int jobs) {
    return new Director(
        name,
        address,
        port,
        password,
        queryFile,
        workingDirectory,
        pidDirectory,
        jobs,
        messages,
        tls);
  }

  /** A copy with another console password. */
  public Director withPassword(String newPassword) {
    return new Director(
        name,
        address,
        port,
        newPassword,
        queryFile,
        workingDirectory,
        pidDirectory,
        maximumConcurrentJobs,
        messages,
        tls);
  }

  /** A copy with TLS towards its peers ({@code null}: none). */
  public Director withTls(Tls newTls) {
    return new Director(
        name,
        address,
        port,
        password,
        queryFile,
        workingDirectory,
        pidDirectory,
        maximumConcurrentJobs,
        messages,
        newTls);
  }
}
