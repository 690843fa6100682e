package io.backupcharms.server.config;

import java.util.Map;
import java.util.Objects;

/**
 * Where the daemons listen and the passwords that pair them, all from Juju secrets.
 *
 * @param address the unit's ingress address; both daemons bind to it (never 0.0.0.0: several
 *     machines may share one host)
 * @param consolePassword the Director's own password, used by the charm's console client
 * @param storagePassword shared by the Director's Storage entry and the Storage Daemon
 * @param clientPasswords per {@code bacula-dir} relation id, the password its File Daemons use
 */
public record ServerIdentity(
    String address,
    String consolePassword,
    String storagePassword,
    Map<Integer, String> clientPasswords) {

  public ServerIdentity {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(consolePassword, "consolePassword");
    Objects.requireNonNull(storagePassword, "storagePassword");
    clientPasswords = Map.copyOf(clientPasswords);
  }

  @Override
  public String toString() {
    return "ServerIdentity[address=" + address + ", relations=" + clientPasswords.keySet() + "]";
  }
}
