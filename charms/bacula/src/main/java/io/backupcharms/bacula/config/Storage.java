package io.backupcharms.bacula.config;

import io.backupcharms.bacula.Redacted;

/**
 * The Director's entry for a Storage Daemon. Its password pairs with the Storage Daemon's {@link
 * DirectorAccess} entry; device and media type must match the SD's {@link Device}.
 *
 * @param name the resource name
 * @param address the SD's address, as File Daemons will reach it
 * @param port SDPort, 9103 by default
 * @param password shared with the SD's Director entry
 * @param device the SD's Device name
 * @param mediaType the Device's Media Type
 * @param maximumConcurrentJobs concurrent jobs on this storage
 * @param tls TLS towards the peers of this resource, or null for none
 */
public record Storage(
    String name,
    String address,
    int port,
    String password,
    String device,
    String mediaType,
    int maximumConcurrentJobs,
    Tls tls) {
  public Storage {
    String r = "Storage \"" + name + "\"";
    Check.name("Storage", "Name", name);
    Check.address(r, "Address", address);
    Check.port(r, "SDPort", port);
    Check.nonEmpty(r, "Password", password);
    Check.name(r, "Device", device);
    Check.name(r, "Media Type", mediaType);
    Check.positive(r, "Maximum Concurrent Jobs", maximumConcurrentJobs);
  }

  /** A Storage entry allowing 10 concurrent jobs. */
  public static Storage of(
      String name, String address, int port, String password, String device, String mediaType) {
    return new Storage(name, address, port, password, device, mediaType, 10, null);
  }

  /** Never with the password: see {@link Redacted}. */
  @Override
  public String toString() {
    return Redacted.describe(this);
  }

  /** A copy with TLS towards its peers ({@code null}: none). */
  public Storage withTls(Tls newTls) {
    return new Storage(
        name, address, port, password, device, mediaType, maximumConcurrentJobs, newTls);
  }
}
