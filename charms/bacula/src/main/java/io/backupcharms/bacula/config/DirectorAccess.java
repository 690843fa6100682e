package io.backupcharms.bacula.config;

import io.backupcharms.bacula.Redacted;

/**
 * A Director entry in a File or Storage Daemon's file: which Director may connect, with which
 * password.
 *
 * @param name the Director's name
 * @param password the password the Director uses for this daemon (its Client or Storage entry)
 * @param monitor restrict this Director to status queries
 * @param tls TLS towards the peers of this resource, or null for none
 */
public record DirectorAccess(String name, String password, boolean monitor, Tls tls) {
  public DirectorAccess {
    Check.name("Director entry", "Name", name);
    Check.nonEmpty("Director entry \"" + name + "\"", "Password", password);
  }

  /** Full access for this Director. */
  public static DirectorAccess of(String name, String password) {
    return new DirectorAccess(name, password, false, null);
  }

  /** Never with the password: see {@link Redacted}. */
  @Override
  public String toString() {
    return Redacted.describe(this);
  }

  /** A copy with TLS towards its peers ({@code null}: none). */
  public DirectorAccess withTls(Tls newTls) {
    return new DirectorAccess(name, password, monitor, newTls);
  }
}
