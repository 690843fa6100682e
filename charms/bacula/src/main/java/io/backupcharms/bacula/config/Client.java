package io.backupcharms.bacula.config;

import io.backupcharms.bacula.Redacted;
import java.time.Duration;

/**
 * The Director's entry for a File Daemon. Its password pairs with that File Daemon's {@link
 * DirectorAccess} entry.
 *
 * @param name the Client name, e.g. {@code myapp-0-fd}
 * @param address the File Daemon's address
 * @param port FDPort, 9102 by default
 * @param password shared with the FD's Director entry
 * @param catalog the Catalog name
 * @param fileRetention File Retention
 * @param jobRetention Job Retention
 * @param autoPrune AutoPrune
 * @param maximumConcurrentJobs concurrent jobs on this client
 * @param tls TLS towards the peers of this resource, or null for none
 */
public record Client(
    String name,
    String address,
    int port,
    String password,
    String catalog,
    Duration fileRetention,
    Duration jobRetention,
    boolean autoPrune,
    int maximumConcurrentJobs,
    Tls tls) {
  /** Bacula's default File Daemon port. */
  public static final int DEFAULT_PORT = 9102;

  public Client {
    String r = "Client \"" + name + "\"";
    Check.name("Client", "Name", name);
    Check.address(r, "Address", address);
    Check.port(r, "FDPort", port);
    Check.nonEmpty(r, "Password", password);
    Check.name(r, "Catalog", catalog);
    Check.duration(r, "File Retention", fileRetention);
    Check.duration(r, "Job Retention", jobRetention);
    Check.positive(r, "Maximum Concurrent Jobs", maximumConcurrentJobs);
  }

  /** A client keeping file records 60 days and job records 180 days, 5 concurrent jobs. */
  public static Client of(String name, String address, int port, String password, String catalog) {
    return new Client(
        name,
        address,
        port,
        password,
        catalog,
        Duration.ofDays(60),
        Duration.ofDays(180),
        true,
        5,
        null);
  }

  /** A copy with other retentions. */
  public Client withRetention(Duration files, Duration jobs) {
    return new Client(
        name, address, port, password, catalog, files, jobs, autoPrune, maximumConcurrentJobs, tls);
  }

  /** A copy with another Maximum Concurrent Jobs. */
  public Client withMaximumConcurrentJobs(int jobs) {
    return new Client(
        name, address, port, password, catalog, fileRetention, jobRetention, autoPrune, jobs, tls);
  }

  /** Never with the password: see {@link Redacted}. */
  @Override
  public String toString() {
    return Redacted.describe(this);
  }

  /** A copy with TLS towards its peers ({@code null}: none). */
  public Client withTls(Tls newTls) {
    return new Client(
        name,
        address,
        port,
        password,
        catalog,
        fileRetention,
        jobRetention,
        autoPrune,
        maximumConcurrentJobs,
        newTls);
  }
}
