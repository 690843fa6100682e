package io.backupcharms.bacula.config;

/**
 * The Storage resource of {@code bacula-sd.conf} (the Storage Daemon itself).
 *
 * @param name the Storage Daemon's name
 * @param address SDAddress, the address to bind
 * @param port SDPort
 * @param workingDirectory WorkingDirectory
 * @param pidDirectory PidDirectory
 * @param maximumConcurrentJobs concurrent jobs
 * @param tls TLS towards the peers of this resource, or null for none
 */
public record StorageDaemon(
    String name,
    String address,
    int port,
    String workingDirectory,
    String pidDirectory,
    int maximumConcurrentJobs,
    Tls tls) {
  /** Bacula's default Storage Daemon port. */
  public static final int DEFAULT_PORT = 9103;

  public StorageDaemon {
    String r = "Storage \"" + name + "\"";
    Check.name("Storage", "Name", name);
    Check.address(r, "SDAddress", address);
    Check.port(r, "SDPort", port);
    Check.directory(r, "WorkingDirectory", workingDirectory);
    Check.directory(r, "PidDirectory", pidDirectory);
    Check.positive(r, "Maximum Concurrent Jobs", maximumConcurrentJobs);
  }

  /** A Storage Daemon with Debian's paths and 20 concurrent jobs. */
  public static StorageDaemon of(String name, String address, int port) {
    return new StorageDaemon(name, address, port, "/var/lib/bacula", "/run/bacula", 20, null);
  }

  /** A copy with other working and PID directories. */
  public StorageDaemon withDirectories(String working, String pid) {
    return new StorageDaemon(name, address, port, working, pid, maximumConcurrentJobs, tls);
  }

  /** A copy with TLS towards its peers ({@code null}: none). */
  public StorageDaemon withTls(Tls newTls) {
    return new StorageDaemon(
        name, address, port, workingDirectory, pidDirectory, maximumConcurrentJobs, newTls);
  }
}
