package io.backupcharms.bacula.config;

import java.time.Duration;

/**
 * The FileDaemon resource of {@code bacula-fd.conf}.
 *
 * @param name the File Daemon's name, e.g. {@code myapp-0-fd}
 * @param address FDAddress, the address to bind
 * @param port FDPort
 * @param workingDirectory WorkingDirectory
 * @param pidDirectory PidDirectory
 * @param maximumConcurrentJobs concurrent jobs
 * @param heartbeatInterval Heartbeat Interval, or null for Bacula's default; never zero (in 9.6.7
 *     zero adds 10 s to every backup)
 * @param tls TLS towards the peers of this resource, or null for none
 * @param pki data encryption, or null for none
 */
public record FileDaemon(
    String name,
    String address,
    int port,
    String workingDirectory,
    String pidDirectory,
    int maximumConcurrentJobs,
    Duration heartbeatInterval,
    Tls tls,
    Pki pki) {
  public FileDaemon {
    String r = "FileDaemon \"" + name + "\"";
    Check.name("FileDaemon", "Name", name);
    Check.address(r, "FDAddress", address);
    Check.port(r, "FDPort", port);
    Check.directory(r, "WorkingDirectory", workingDirectory);
    Check.directory(r, "PidDirectory", pidDirectory);
    Check.positive(r, "Maximum Concurrent Jobs", maximumConcurrentJobs);
    Check.optionalDuration(r, "Heartbeat Interval", heartbeatInterval);
  }

  /** A File Daemon with Debian's paths and 20 concurrent jobs. */
  public static FileDaemon of(String name, String address, int port) {
    return new FileDaemon(
        name, address, port, "/var/lib/bacula", "/run/bacula", 20, null, null, null);
  }

  /** A copy with other working and PID directories. */
  public FileDaemon withDirectories(String working, String pid) {
    return new FileDaemon(
        name, address, port, working, pid, maximumConcurrentJobs, heartbeatInterval, tls, pki);
  }

  /** A copy with TLS towards its peers ({@code null}: none). */
  public FileDaemon withTls(Tls newTls) {
    return new FileDaemon(
        name,
        address,
        port,
        workingDirectory,
        pidDirectory,
        maximumConcurrentJobs,
        heartbeatInterval,
        newTls,
        pki);
  }

  /** A copy encrypting the data it sends with {@code newPki} ({@code null}: none). */
  public FileDaemon withPki(Pki newPki) {
    return new FileDaemon(
        name,
        address,
        port,
        workingDirectory,
        pidDirectory,
        maximumConcurrentJobs,
        heartbeatInterval,
        tls,
        newPki);
  }
}
