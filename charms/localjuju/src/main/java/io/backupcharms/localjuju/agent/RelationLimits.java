package io.backupcharms.localjuju.agent;

import io.backupcharms.localjuju.charm.CharmMeta;
import io.backupcharms.localjuju.model.RelationState;

/**
 * Juju's relation quota: an endpoint declared with {@code limit: N} (N &gt; 0) takes part in at
 * most N relations of its application. A relation counts until it is gone from the model, dying
 * ones included, because Juju counts every relation document still in its database; a relation is
 * gone once every unit has run its {@code relation-broken} hook.
 */
final class RelationLimits {
  private RelationLimits() {}

  /**
   * Refuses {@code pair} when either side is already at its limit, checking the sides in the order
   * the user gave them, as Juju does. Call before anything in the model changes.
   */
  static void check(Controller c, Endpoints.Pair pair) {
    for (RelationState.EndpointRef side : new RelationState.EndpointRef[] {pair.a(), pair.b()}) {
      CharmMeta.Endpoint declared = c.meta(side.app).endpoints().get(side.endpoint);
      int limit = declared == null ? 0 : declared.limit();
      if (limit > 0 && established(c, side) >= limit) {
        throw new Lifecycle.ModelError(
            "cannot add relation "
                + Lifecycle.q(pair.jujuKey())
                + ": establishing a new relation for "
                + side.app
                + ":"
                + side.endpoint
                + " would exceed its maximum relation limit of "
                + limit
                + " (quota limit exceeded)");
      }
    }
  }

  /** Relations of this application endpoint still in the model (a peer relation counts once). */
  private static long established(Controller c, RelationState.EndpointRef side) {
    return c.st.relations.values().stream()
        .filter(
            r ->
                r.endpoints.stream()
                    .anyMatch(
                        e ->
                            e.app.equals(side.app)
                                && e.endpoint.equals(side.endpoint)
                                && side.iface.equals(e.iface)))
        .count();
  }
}
