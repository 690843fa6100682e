package io.backupcharms.ops.hooktools;

import java.util.List;

/**
 * What {@code network-get <binding>} reports.
 *
 * @param bindAddresses addresses of the interfaces the binding is bound to, in Juju's order
 * @param ingressAddresses addresses other units should use to reach this unit
 * @param egressSubnets subnets this unit's traffic comes from
 */
public record NetworkInfo(
    List<BindAddress> bindAddresses, List<String> ingressAddresses, List<String> egressSubnets) {
  public NetworkInfo {
    bindAddresses = List.copyOf(bindAddresses);
    ingressAddresses = List.copyOf(ingressAddresses);
    egressSubnets = List.copyOf(egressSubnets);
  }

  /** One bound interface and its addresses ({@code value} with its {@code cidr}). */
  public record BindAddress(String interfaceName, String macAddress, List<Address> addresses) {
    public BindAddress {
      addresses = List.copyOf(addresses);
    }
  }

  /** One address of a bound interface. */
  public record Address(String hostname, String value, String cidr) {}
}
