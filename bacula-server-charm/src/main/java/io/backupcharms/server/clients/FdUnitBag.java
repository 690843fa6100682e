package io.backupcharms.server.clients;

import java.util.Map;

/**
 * One remote unit's databag on a {@code bacula-dir} relation, as read by the charm.
 *
 * @param relationId the relation id
 * @param unit the remote unit, e.g. {@code bacula-fd/0}
 * @param bag the unit databag, including Juju's own {@code ingress-address}
 */
public record FdUnitBag(int relationId, String unit, Map<String, String> bag) {

  public FdUnitBag {
    bag = Map.copyOf(bag);
  }
}
