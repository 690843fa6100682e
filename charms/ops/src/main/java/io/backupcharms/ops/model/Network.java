package io.backupcharms.ops.model;

import io.backupcharms.ops.hooktools.NetworkInfo;
import java.util.List;
import java.util.Optional;

/** The addresses of one endpoint binding, from {@code network-get}. */
public record Network(String binding, NetworkInfo info) {

  /** The first address this unit binds to, as other software on this machine should listen on. */
  public Optional<String> bindAddress() {
    return info.bindAddresses().stream()
        .flatMap(b -> b.addresses().stream())
        .map(NetworkInfo.Address::value)
        .filter(v -> !v.isEmpty())
        .findFirst();
  }

  /** The address other units should use to reach this unit. */
  public Optional<String> ingressAddress() {
    return info.ingressAddresses().stream().findFirst();
  }

  public List<String> ingressAddresses() {
    return info.ingressAddresses();
  }

  public List<String> egressSubnets() {
    return info.egressSubnets();
  }
}
