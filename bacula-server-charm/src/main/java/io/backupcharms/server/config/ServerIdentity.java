package io.backupcharms.server.config;

import io.backupcharms.bacula.config.Tls;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the daemons listen and the passwords that pair them, all from Juju secrets.
 *
 * @param address the unit's ingress address; both daemons bind to it (never 0.0.0.0: several
 *     machines may share one host)
 * @param consolePassword the Director's own password, used by the charm's console client
 * @param storagePassword shared by the Director's Storage entry and the Storage Daemon
 * @param clientPasswords per {@code bacula-dir} relation id, the password of its File Daemons that
 *     do not accept their own unit's password
 * @param unitPasswords per File Daemon unit ({@code myapp-fd/0}) that accepts only its own unit's
 *     password, that password
 * @param tls the Director's and Storage Daemon's TLS files, or null where they run without TLS
 * @param tlsUnits the File Daemon units that require TLS of the Director (their bag says so)
 */
public record ServerIdentity(
    String address,
    String consolePassword,
    String storagePassword,
    Map<Integer, String> clientPasswords,
    Map<String, String> unitPasswords,
    Tls tls,
    Set<String> tlsUnits) {

  public ServerIdentity {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(consolePassword, "consolePassword");
    Objects.requireNonNull(storagePassword, "storagePassword");
    clientPasswords = Map.copyOf(clientPasswords);
    unitPasswords = Map.copyOf(unitPasswords);
    tlsUnits = Set.copyOf(tlsUnits);
  }

  /** Without TLS. */
  public ServerIdentity(
      String address,
      String consolePassword,
      String storagePassword,
      Map<Integer, String> clientPasswords,
      Map<String, String> unitPasswords) {
    this(address, consolePassword, storagePassword, clientPasswords, unitPasswords, null, Set.of());
  }

  /** Without per-unit passwords: every File Daemon uses its relation's. */
  public ServerIdentity(
      String address,
      String consolePassword,
      String storagePassword,
      Map<Integer, String> clientPasswords) {
    this(address, consolePassword, storagePassword, clientPasswords, Map.of(), null, Set.of());
  }

  /** The password the Director's Client resource for {@code unit} on {@code relationId} holds. */
  public String passwordOf(int relationId, String unit) {
    return unitPasswords.getOrDefault(unit, clientPasswords.get(relationId));
  }

  @Override
  public String toString() {
    return "ServerIdentity[address="
        + address
        + ", relations="
        + clientPasswords.keySet()
        + ", own-password units="
        + unitPasswords.keySet()
        + ", tls="
        + (tls != null)
        + ", tls units="
        + tlsUnits
        + "]";
  }
}
