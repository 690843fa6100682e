package io.backupcharms.ops.model;

import java.util.function.Supplier;

/**
 * Who and where this hook runs, as the dispatcher read it from the hook environment.
 *
 * @param unitName this unit, e.g. {@code bacula-fd/0}
 * @param modelName the model name
 * @param modelUuid the model UUID
 * @param jujuVersion the agent's version, e.g. {@code 3.6.4}
 * @param meta the charm's metadata, read only when first needed
 * @param eventRelationId the relation id of the current relation event, -1 if none
 * @param eventRemoteApp the remote application of the current relation event, empty if none
 * @param brokenRelationId the relation being broken in a relation-broken hook, -1 if none
 */
public record ModelContext(
    String unitName,
    String modelName,
    String modelUuid,
    String jujuVersion,
    Supplier<CharmMeta> meta,
    int eventRelationId,
    String eventRemoteApp,
    int brokenRelationId) {
  public ModelContext {
    if (unitName == null || !unitName.contains("/")) {
      throw new IllegalArgumentException(
          "unit name \"" + unitName + "\" is not of the form <application>/<number>");
    }
    eventRemoteApp = eventRemoteApp == null ? "" : eventRemoteApp;
  }

  /** The application part of the unit name. */
  public String appName() {
    return unitName.substring(0, unitName.indexOf('/'));
  }
}
